package com.acme.platform.web;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness and readiness endpoints for the orchestrator. */
@RestController
public class HealthController {

    private final DataSource database;

    public HealthController(DataSource database) {
        this.database = database;
    }

    @GetMapping("/healthz")
    public Map<String, Object> liveness() {
        Duration uptime = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        return Map.of("status", "ok", "uptimeSeconds", uptime.toSeconds());
    }

    @GetMapping("/readyz")
    public ResponseEntity<Map<String, String>> readiness() {
        try (var connection = database.getConnection()) {
            if (connection.isValid(2)) {
                return ResponseEntity.ok(Map.of("database", "ok"));
            }
        } catch (java.sql.SQLException e) {
            // reported below as unavailable
        }
        return ResponseEntity.status(503).body(Map.of("database", "unavailable"));
    }
}
