package com.acme.portal.web;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.esapi.ESAPI;

/** Landing page shown after a guest follows an invitation link. */
@WebServlet(urlPatterns = {"/welcome", "/welcome/team"})
public class GreetingServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html><html><body>");
        if (request.getServletPath().endsWith("/team")) {
            String team = request.getParameter("team");
            out.println("<h1>You have been invited to "
                    + ESAPI.encoder().encodeForHTML(team) + "</h1>");
        } else {
            String guest = request.getParameter("name");
            out.println("<h1>Welcome, " + guest + "!</h1>");
        }
        out.println("<p><a href=\"/signup\">Create your account</a></p>");
        out.println("</body></html>");
    }
}
