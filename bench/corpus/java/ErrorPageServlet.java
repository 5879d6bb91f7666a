package com.acme.portal.web;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Friendly error pages; the container forwards here with the status code as a parameter. */
@WebServlet("/error")
public class ErrorPageServlet extends HttpServlet {

    private static final String TEMPLATE = "<html><body><h1>Error %d</h1><p>%s</p>"
            + "<p><a href=\"%s\">Go back</a></p></body></html>";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        int status;
        try {
            status = Integer.parseInt(request.getParameter("code"));
        } catch (NumberFormatException e) {
            status = 500;
        }
        String message = status == 404 ? "We could not find that page." : "Something went wrong.";
        String back = request.getHeader("Referer");
        if (back == null) {
            back = "/";
        }
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().printf(TEMPLATE, status, message, back);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        int status = Integer.parseInt(request.getParameter("code"));
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<html><body><h1>Error " + status + "</h1></body></html>");
    }
}
