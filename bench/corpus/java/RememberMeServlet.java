package com.acme.portal.web;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Signs a member in and, when asked, remembers the device for a month. */
@WebServlet(urlPatterns = {"/signin", "/signin/device"})
public class RememberMeServlet extends HttpServlet {

    private static final int THIRTY_DAYS = 30 * 24 * 3600;

    private final SignInService signIn = SignInService.instance();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Member member = signIn.authenticate(request.getParameter("email"), request.getParameter("password"));
        if (member == null) {
            response.sendRedirect(request.getContextPath() + "/signin?failed");
            return;
        }
        request.changeSessionId();
        request.getSession().setAttribute("memberId", member.id());
        if ("on".equals(request.getParameter("remember"))) {
            Cookie remember = new Cookie("REMEMBER_ME", signIn.issueRememberToken(member));
            remember.setMaxAge(THIRTY_DAYS);
            remember.setPath("/");
            response.addCookie(remember);
        }
        if (request.getServletPath().endsWith("/device")) {
            Cookie device = new Cookie("TRUSTED_DEVICE", signIn.issueDeviceToken(member));
            device.setMaxAge(THIRTY_DAYS);
            device.setPath("/");
            device.setSecure(true);
            device.setHttpOnly(true);
            response.addCookie(device);
        }
        response.sendRedirect(request.getContextPath() + "/home");
    }
}
