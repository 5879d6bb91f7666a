package com.acme.mobile.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.crypto.SecretKey;

/** Issues short-lived access tokens for the mobile app and for the support tool. */
public class JwtService {

    private static final Duration ACCESS_LIFETIME = Duration.ofMinutes(15);
    private static final String SUPPORT_TOOL_SECRET = "q7N!vB3x#Lm9Pz2Wk8Rt5Yc1Hd6Fj0Gs4A";

    private final SecretKey accessKey;
    private final SecretKey supportKey = Keys.hmacShaKeyFor(SUPPORT_TOOL_SECRET.getBytes(StandardCharsets.UTF_8));

    public JwtService() {
        String secret = System.getenv().getOrDefault("JWT_ACCESS_SECRET", "");
        if (secret.length() < 32) {
            throw new IllegalStateException("JWT_ACCESS_SECRET must be set to at least 32 characters");
        }
        this.accessKey = Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8));
    }

    public String issueAccessToken(String memberId) {
        Instant now = Instant.now();
        return Jwts.builder().subject(memberId).issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ACCESS_LIFETIME))).signWith(accessKey).compact();
    }

    public String issueSupportToken(String agentId) {
        Instant now = Instant.now();
        return Jwts.builder().subject(agentId).claim("scope", "support").issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofHours(8)))).signWith(supportKey).compact();
    }

    public Claims verifyAccessToken(String token) {
        return Jwts.parser().verifyWith(accessKey).build().parseSignedClaims(token).getPayload();
    }
}
