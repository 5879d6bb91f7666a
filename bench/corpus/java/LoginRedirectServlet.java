package com.acme.portal.web;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Sends a signed-in user on to where they were going. */
@WebServlet(urlPatterns = {"/login/continue", "/login/partner-continue"})
public class LoginRedirectServlet extends HttpServlet {

    private static final Set<String> PARTNER_HOSTS = Set.of("shop.acme.com", "help.acme.com");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (request.getSession(false) == null) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        if (request.getServletPath().endsWith("/partner-continue")) {
            response.sendRedirect(partnerTarget(request.getParameter("to")));
            return;
        }
        String target = request.getParameter("continue");
        response.sendRedirect(target != null ? target : request.getContextPath() + "/home");
    }

    private static String partnerTarget(String requested) {
        try {
            URI uri = new URI(requested);
            if ("https".equals(uri.getScheme()) && PARTNER_HOSTS.contains(uri.getHost())) {
                return uri.toString();
            }
        } catch (URISyntaxException | NullPointerException e) {
            // fall through to the default page
        }
        return "https://shop.acme.com/";
    }
}
