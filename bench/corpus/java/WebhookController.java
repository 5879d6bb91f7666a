package com.acme.integrations.web;

import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/api/integrations")
public class WebhookController {

    public record WebhookTest(String url, String event) {}

    public record ParcelQuery(String trackingNumber, String country) {}

    private static final String CARRIER_API = "https://api.parcel-carrier.example/v3/track";

    private final RestTemplate http;

    public WebhookController(RestTemplate http) {
        this.http = http;
    }

    @PostMapping("/webhooks/test")
    public ResponseEntity<String> testWebhook(@RequestBody WebhookTest test) {
        Map<String, String> sample = Map.of("event", test.event(), "id", "evt_test");
        return http.postForEntity(test.url(), sample, String.class);
    }

    @PostMapping("/parcels/track")
    public ResponseEntity<String> track(@RequestBody ParcelQuery parcel) {
        URI uri = UriComponentsBuilder.fromHttpUrl(CARRIER_API)
                .queryParam("number", parcel.trackingNumber())
                .queryParam("country", parcel.country())
                .encode()
                .build()
                .toUri();
        return http.getForEntity(uri, String.class);
    }
}
