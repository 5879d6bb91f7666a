package com.acme.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.servlet.view.RedirectView;

@RestController
public class ProxyController {

    private static final Set<String> FEED_HOSTS = Set.of("feeds.acme-partner.com", "cdn.acme.com");
    private final RestTemplate rest = new RestTemplate();
    private final HttpClient http = HttpClient.newHttpClient();

    @GetMapping("/proxy/image")
    public byte[] image(@RequestParam String src) throws IOException {
        try (InputStream in = new URL(src).openStream()) {
            return in.readAllBytes();
        }
    }

    @GetMapping("/proxy/feed")
    public String feed(@RequestParam String url) {
        URI uri = URI.create(url);
        if (!"https".equals(uri.getScheme()) || !FEED_HOSTS.contains(uri.getHost())) {
            throw new IllegalArgumentException("feed host not allowed");
        }
        return rest.getForObject(uri, String.class);
    }

    @GetMapping("/proxy/webhook-check")
    public int webhookCheck(@RequestParam String endpoint) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint)).GET().build();
        return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @GetMapping("/proxy/weather")
    public String weather(@RequestParam String city) {
        String q = URLEncoder.encode(city, StandardCharsets.UTF_8);
        return rest.getForObject("https://api.weather.example.com/v1/current?q=" + q, String.class);
    }

    @GetMapping("/proxy/profile")
    public String profile(@RequestParam String service) {
        return rest.getForObject("http://" + service + ".internal.acme.com/profile", String.class);
    }

    @GetMapping("/proxy/go")
    public void go(@RequestParam String to, HttpServletResponse resp) throws IOException {
        resp.sendRedirect(to);
    }

    @GetMapping("/proxy/go-home")
    public RedirectView goHome(@RequestParam(defaultValue = "en") String lang) {
        String safeLang = "de".equals(lang) ? "de" : "en";
        return new RedirectView("/" + safeLang + "/home");
    }

    @GetMapping("/proxy/go-partner")
    public RedirectView goPartner(@RequestParam String target) {
        return new RedirectView(target);
    }

    @GetMapping("/proxy/consent")
    public String consent(HttpServletRequest req, HttpServletResponse resp) {
        Cookie consent = new Cookie("consent_id", req.getSession().getId());
        consent.setHttpOnly(true);
        resp.addCookie(consent);
        return "ok";
    }
}
