package com.acme.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Peers in the cluster push cache invalidations to each other through here. */
@RestController
@RequestMapping("/internal/cache")
public class CacheSyncController {

    public record Invalidation(String region, String key, long version) {}

    private final LocalCache cache;
    private final ObjectMapper mapper;

    public CacheSyncController(LocalCache cache, ObjectMapper mapper) {
        this.cache = cache;
        this.mapper = mapper;
    }

    @PostMapping(value = "/entries", consumes = "application/x-java-serialized-object")
    public ResponseEntity<Void> replicate(HttpServletRequest request)
            throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(request.getInputStream())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entries = (Map<String, Object>) in.readObject();
            cache.putAll(entries);
        }
        return ResponseEntity.accepted().build();
    }

    @PostMapping(value = "/invalidations", consumes = "application/json")
    public ResponseEntity<Void> invalidate(HttpServletRequest request) throws IOException {
        Invalidation invalidation = mapper.readValue(request.getInputStream(), Invalidation.class);
        cache.evict(invalidation.region(), invalidation.key(), invalidation.version());
        return ResponseEntity.noContent().build();
    }
}
