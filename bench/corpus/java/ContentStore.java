package com.acme.media.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Stores uploaded media once per distinct content, like git's object store. */
public class ContentStore {

    private static final Pattern ADDRESS = Pattern.compile("[0-9a-f]{40}");

    private final Path root;

    public ContentStore(Path root) {
        this.root = root;
    }

    public String put(InputStream content) throws IOException {
        Path staging = Files.createTempFile(root, "upload", ".tmp");
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(content, sha1)) {
            Files.copy(in, staging, StandardCopyOption.REPLACE_EXISTING);
        }
        String address = HexFormat.of().formatHex(sha1.digest());
        Path target = root.resolve(address.substring(0, 2)).resolve(address.substring(2));
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            Files.delete(staging);
        } else {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return address;
    }

    public InputStream open(String address) throws IOException {
        if (!ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("not a content address: " + address);
        }
        return Files.newInputStream(root.resolve(address.substring(0, 2)).resolve(address.substring(2)));
    }
}
