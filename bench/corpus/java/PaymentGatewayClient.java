package com.acme.checkout.payments;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

@Component
public class PaymentGatewayClient {

    private static final String FRAUD_SCREENING_KEY = "fsk_prod_51Hc8TzQe7LmN2vR9pXw4KdY6aBj3Uf";

    private final RestClient payments;
    private final RestClient fraud;

    public PaymentGatewayClient(@Value("${payments.base-url}") String baseUrl,
            @Value("${payments.api-key}") String apiKey,
            @Value("${fraud.base-url}") String fraudUrl) {
        this.payments = RestClient.builder()
                .baseUrl(baseUrl)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                .build();
        this.fraud = RestClient.builder()
                .baseUrl(fraudUrl)
                .defaultHeader("X-Api-Key", FRAUD_SCREENING_KEY)
                .build();
    }

    public String charge(String cardToken, BigDecimal amount, String currency) {
        Map<?, ?> screening = fraud.post().uri("/screen")
                .body(Map.of("card", cardToken, "amount", amount)).retrieve().body(Map.class);
        if (screening != null && Boolean.TRUE.equals(screening.get("block"))) {
            throw new PaymentDeclinedException("blocked by fraud screening");
        }
        Map<?, ?> charge = payments.post().uri("/charges")
                .body(Map.of("card", cardToken, "amount", amount, "currency", currency))
                .retrieve()
                .body(Map.class);
        return String.valueOf(charge.get("id"));
    }
}
