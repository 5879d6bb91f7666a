package com.acme.developer.web;

import java.security.Principal;
import java.util.Random;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Developers create API keys for their integrations here. */
@RestController
public class ApiKeyController {

    public record CreatedKey(String prefix, String secret) {}

    private final ApiKeyRepository keys;

    public ApiKeyController(ApiKeyRepository keys) {
        this.keys = keys;
    }

    @PostMapping("/developer/keys")
    public ResponseEntity<CreatedKey> create(Principal developer) {
        Random random = new Random(System.nanoTime());
        String prefix = "ak_" + Integer.toHexString(random.nextInt(0x10000));
        String secret = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
        keys.store(developer.getName(), prefix, ApiKeyHasher.hash(secret));
        return ResponseEntity.status(201).body(new CreatedKey(prefix, secret));
    }
}
