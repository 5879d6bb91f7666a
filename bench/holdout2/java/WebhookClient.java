package com.acme.integrations;

import java.beans.XMLDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;

@RestController
public class WebhookClient {

    private static final String GEOCODER = "https://geo.acme-partner.com/v2/lookup?q=";
    private static final Set<String> PARTNER_HOSTS = Set.of("hooks.slack.com", "api.pagerduty.com");

    private final RestTemplate rest = new RestTemplate();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private final ObjectMapper polymorphic = new ObjectMapper();

    public WebhookClient() {
        polymorphic.activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL);
    }

    @PostMapping("/webhooks/test")
    public int testWebhook(@RequestParam String callbackUrl) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(callbackUrl).openConnection();
        conn.setRequestMethod("POST");
        return conn.getResponseCode();
    }

    @GetMapping("/preview")
    public String preview(@RequestParam("u") String pageUrl) {
        return rest.getForObject(pageUrl, String.class);
    }

    @PostMapping("/webhooks/partner")
    public int partner(@RequestParam String callbackUrl) throws IOException, InterruptedException {
        URI uri = URI.create(callbackUrl);
        if (!"https".equals(uri.getScheme()) || !PARTNER_HOSTS.contains(uri.getHost())) {
            throw new IllegalArgumentException("callback host not allowed");
        }
        HttpRequest req = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @GetMapping("/geocode")
    public String geocode(@RequestParam String address) {
        return rest.getForObject(GEOCODER + URLEncoder.encode(address, StandardCharsets.UTF_8), String.class);
    }

    @GetMapping("/status-proxy")
    public String statusProxy(@RequestParam String statusPage) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder()
                .uri(URI.create(statusPage))
                .GET()
                .build();
        return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    @PostMapping("/import/layout")
    public Object importLayout(HttpServletRequest request) throws IOException {
        try (XMLDecoder decoder = new XMLDecoder(request.getInputStream())) {
            return decoder.readObject();
        }
    }

    @PostMapping("/import/cart")
    public Object importCart(HttpServletRequest request) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(request.getInputStream())) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("com.acme.cart.*;java.base/*;!*"));
            return in.readObject();
        }
    }

    @PostMapping("/import/event")
    public Object importEvent(@RequestBody String json) throws IOException {
        return polymorphic.readValue(json, Object.class);
    }

    @PostMapping("/import/order")
    public Order importOrder(@RequestBody String json) throws IOException {
        return mapper.readValue(json, Order.class);
    }

    @PostMapping("/import/session")
    public Object importSession(HttpServletRequest request) throws IOException, ClassNotFoundException {
        InputStream body = request.getInputStream();
        ObjectInputStream in = new ObjectInputStream(body);
        return in.readObject();
    }
}
