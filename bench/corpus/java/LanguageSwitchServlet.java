package com.acme.portal.web;

import java.io.IOException;
import java.util.Set;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Switches the UI language and returns the user to the page they were on. */
@WebServlet(urlPatterns = {"/language", "/language/home"})
public class LanguageSwitchServlet extends HttpServlet {

    private static final Set<String> LANGUAGES = Set.of("en", "de", "fr", "nl");

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String language = request.getParameter("lang");
        if (!LANGUAGES.contains(language)) {
            response.sendError(400);
            return;
        }
        Cookie cookie = new Cookie("lang", language);
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
        if (request.getServletPath().endsWith("/home")) {
            response.sendRedirect(request.getContextPath() + "/" + language + "/home");
            return;
        }
        String back = request.getHeader("Referer");
        response.sendRedirect(back == null ? request.getContextPath() + "/" : back);
    }
}
