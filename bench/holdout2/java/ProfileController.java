package com.acme.accounts.web;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

@Controller
public class ProfileController {

    private final ProfileService profiles;
    private final SessionTokens tokens;

    public ProfileController(ProfileService profiles, SessionTokens tokens) {
        this.profiles = profiles;
        this.tokens = tokens;
    }

    @GetMapping(value = "/hello", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    public String hello(@RequestParam String name) {
        return "<html><body><h1>Welcome back, " + name + "!</h1></body></html>";
    }

    @GetMapping(value = "/hello-safe", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    public String helloSafe(@RequestParam String name) {
        return "<html><body><h1>Welcome back, " + HtmlUtils.htmlEscape(name) + "!</h1></body></html>";
    }

    @GetMapping("/profile/{id}/bio")
    public void bio(@PathVariable long id, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String highlight = req.getParameter("highlight");
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().write("<div class=\"bio\"><mark>" + highlight + "</mark>" + profiles.bioHtml(id) + "</div>");
    }

    @GetMapping("/profile/{id}/followers")
    public void followers(@PathVariable long id, HttpServletResponse resp) throws IOException {
        int count = profiles.followerCount(id);
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().print("<span class=\"count\">" + count + "</span>");
    }

    @GetMapping("/login/done")
    public String afterLogin(@RequestParam(name = "returnTo", defaultValue = "/") String returnTo) {
        return "redirect:" + returnTo;
    }

    @GetMapping("/login/continue")
    public String continueTo(@RequestParam(name = "returnTo", defaultValue = "/") String returnTo) {
        if (!returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")) {
            returnTo = "/";
        }
        return "redirect:" + returnTo;
    }

    @GetMapping("/logout")
    public void logout(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.getSession().invalidate();
        resp.sendRedirect(req.getParameter("next"));
    }

    @GetMapping("/home")
    public void home(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendRedirect(req.getContextPath() + "/dashboard");
    }

    @GetMapping("/sso/bounce")
    public ResponseEntity<Void> bounce(@RequestParam String target) {
        return ResponseEntity.status(302).location(URI.create(target)).build();
    }

    @PostMapping("/login")
    public String login(Principal principal, HttpServletResponse resp) {
        String token = tokens.issue(principal.getName());
        Cookie session = new Cookie("ACME_SESSION", token);
        session.setPath("/");
        session.setMaxAge(3600);
        resp.addCookie(session);
        return "redirect:/dashboard";
    }

    @PostMapping("/login/remember")
    public String remember(Principal principal, HttpServletResponse resp) {
        Cookie remember = new Cookie("REMEMBER_ME", tokens.rememberToken(principal.getName()));
        remember.setPath("/");
        remember.setSecure(true);
        remember.setHttpOnly(true);
        remember.setMaxAge((int) Duration.ofDays(30).getSeconds());
        resp.addCookie(remember);
        return "redirect:/dashboard";
    }

    @PostMapping("/login/api")
    public ResponseEntity<Void> apiLogin(Principal principal) {
        ResponseCookie cookie = ResponseCookie.from("API_SESSION", tokens.issue(principal.getName()))
                .path("/api")
                .secure(true)
                .httpOnly(true)
                .sameSite("Strict")
                .build();
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
    }

    @PostMapping("/login/device")
    public ResponseEntity<Void> deviceLogin(Principal principal) {
        ResponseCookie cookie = ResponseCookie.from("DEVICE_SESSION", tokens.issue(principal.getName()))
                .path("/")
                .maxAge(Duration.ofHours(8))
                .build();
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
    }

    @PostMapping("/impersonate")
    public String impersonate(HttpServletRequest req) {
        HttpSession session = req.getSession();
        session.setAttribute("actingAs", req.getParameter("userId"));
        return "redirect:/dashboard";
    }

    @PostMapping("/profile/touch")
    public String touch(Principal principal, HttpSession session) {
        session.setAttribute("username", principal.getName());
        session.setAttribute("lastSeen", Instant.now());
        return "redirect:/profile";
    }
}
