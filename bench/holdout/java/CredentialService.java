package com.acme.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

@Service
public class CredentialService {

    private static final String PAYMENT_API_KEY = "pay_prod_7Hk29xQmL4vN8sT1";
    private static final String SMTP_PASSWORD = System.getenv("SMTP_PASSWORD");
    private static final String ADMIN_PASSWORD = "Winter2024!admin";
    private static final String PASSWORD_FIELD = "password";

    private final SecureRandom secureRandom = new SecureRandom();
    private final Random random = new Random();
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(12);
    private final byte[] fieldKey = Base64.getDecoder().decode(System.getenv("FIELD_KEY"));

    public String hashPassword(String password) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("MD5");
        return HexFormat.of().formatHex(md.digest(password.getBytes(StandardCharsets.UTF_8)));
    }

    public String hashPasswordBcrypt(String password) {
        return encoder.encode(password);
    }

    public String hashSecurityAnswer(String answer) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-1");
        return HexFormat.of().formatHex(md.digest(answer.toLowerCase().getBytes(StandardCharsets.UTF_8)));
    }

    public String etag(byte[] body) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("MD5");
        return "\"" + HexFormat.of().formatHex(md.digest(body)) + "\"";
    }

    public byte[] encryptIban(String iban, byte[] key) throws Exception {
        Cipher cipher = Cipher.getInstance("DES/ECB/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
        return cipher.doFinal(iban.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] encryptTaxId(String taxId) throws Exception {
        Cipher cipher = Cipher.getInstance("AES");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(fieldKey, "AES"));
        return cipher.doFinal(taxId.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] encryptAddress(String address) throws Exception {
        byte[] iv = new byte[12];
        secureRandom.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(fieldKey, "AES"), new GCMParameterSpec(128, iv));
        return cipher.doFinal(address.getBytes(StandardCharsets.UTF_8));
    }

    public String newPasswordResetToken() {
        return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    }

    public String newApiToken() {
        byte[] bytes = new byte[32];
        secureRandom.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String pickGreeting(List<String> greetings) {
        return greetings.get(random.nextInt(greetings.size()));
    }

    public int otp() {
        return 100000 + new Random().nextInt(900000);
    }

    public boolean isAdmin(String user, String password) {
        return "admin".equals(user) && ADMIN_PASSWORD.equals(password);
    }

    public String smtpConfigured() {
        return SMTP_PASSWORD == null ? "no" : "yes" + PAYMENT_API_KEY.length() + PASSWORD_FIELD;
    }
}
