package com.acme.reports.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;
import javax.crypto.spec.SecretKeySpec;

/** Encrypts payroll exports before they are uploaded to the accountant's SFTP drop. */
public class ExportEncryptor {

    private final SecretKeySpec key;

    public ExportEncryptor(byte[] keyBytes) {
        if (keyBytes.length != 32) {
            throw new IllegalArgumentException("expected a 256-bit key");
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
    }

    public void encrypt(InputStream plain, OutputStream target) throws IOException {
        Cipher cipher;
        try {
            cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, key);
        } catch (GeneralSecurityException e) {
            throw new IOException("cipher unavailable", e);
        }
        try (OutputStream out = new CipherOutputStream(target, cipher)) {
            plain.transferTo(out);
        }
    }
}
