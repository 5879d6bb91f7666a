package com.acme.accounts.web;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.servlet.http.HttpServletResponse;

@Controller
public class SsoController {

    private static final Duration SESSION_LENGTH = Duration.ofHours(8);

    private final SsoTokenService tokens;

    public SsoController(SsoTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/sso/complete")
    public String complete(@RequestParam String code,
            @RequestParam(name = "return", defaultValue = "/dashboard") String returnUrl,
            HttpServletResponse response) {
        String session = tokens.exchange(code);
        ResponseCookie cookie = ResponseCookie.from("SSO_SESSION", session)
                .path("/")
                .maxAge(SESSION_LENGTH)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        return "redirect:" + returnUrl;
    }

    @GetMapping("/sso/resume")
    public String resume(@RequestParam String code,
            @CookieValue(name = "resume_path", defaultValue = "/dashboard") String resumePath,
            HttpServletResponse response) {
        String session = tokens.exchange(code);
        ResponseCookie cookie = ResponseCookie.from("SSO_SESSION", session)
                .path("/")
                .maxAge(SESSION_LENGTH)
                .secure(true)
                .httpOnly(true)
                .sameSite("Lax")
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        boolean local = resumePath.startsWith("/") && !resumePath.startsWith("//")
                && !resumePath.contains("\\");
        return "redirect:" + (local ? resumePath : "/dashboard");
    }
}
