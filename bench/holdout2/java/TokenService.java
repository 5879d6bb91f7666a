package com.acme.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.digest.DigestUtils;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;

public class TokenService {

    private static final String SIGNING_SECRET = "c0ffee-4cme-jwt-s1gning-k3y-2021";
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final SecureRandom secureRandom = new SecureRandom();
    private final Random random = new Random();
    private final byte[] aesKey;

    public TokenService(byte[] aesKey) {
        this.aesKey = aesKey;
    }

    public String signSession(String userId) {
        return JWT.create().withSubject(userId).sign(Algorithm.HMAC256(SIGNING_SECRET));
    }

    public String signWithConfiguredKey(String userId) {
        String secret = System.getenv("JWT_SIGNING_KEY");
        return JWT.create().withSubject(userId).sign(Algorithm.HMAC256(secret));
    }

    public String hashPassword(String password, String salt) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("MD5");
        byte[] digest = md.digest((salt + password).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    public String legacyPinHash(String pin) {
        return DigestUtils.sha1Hex(pin);
    }

    public String contentChecksum(byte[] body) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }

    public String resetCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    public String apiKey() {
        long high = (long) (Math.random() * Long.MAX_VALUE);
        return "ak_" + Long.toHexString(high) + Long.toHexString(System.nanoTime());
    }

    public String sessionId() {
        byte[] bytes = new byte[32];
        secureRandom.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public long retryDelayMillis(int attempt) {
        long base = 200L << Math.min(attempt, 6);
        return base + random.nextInt(100);
    }

    public boolean sampleForTracing() {
        return ThreadLocalRandom.current().nextDouble() < 0.01;
    }

    public <T> T pickReplica(List<T> replicas) {
        return replicas.get(ThreadLocalRandom.current().nextInt(replicas.size()));
    }

    public byte[] encryptLegacy(byte[] plain, byte[] desKey) throws Exception {
        Cipher cipher = Cipher.getInstance("DES/ECB/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(desKey, "DES"));
        return cipher.doFinal(plain);
    }

    public byte[] encrypt(byte[] plain) throws Exception {
        byte[] iv = new byte[12];
        secureRandom.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, iv));
        return cipher.doFinal(plain);
    }

    public String etagFor(byte[] body) {
        return "\"" + DigestUtils.md5Hex(body) + "\"";
    }
}
