package com.acme.accounts.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Registers members and checks their passwords at sign-in. */
public class PasswordService {

    private final MemberRepository members;

    public PasswordService(MemberRepository members) {
        this.members = members;
    }

    static String digest(String password) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Member register(String email, String password) {
        if (password.length() < 10) {
            throw new IllegalArgumentException("passwords need at least 10 characters");
        }
        return members.save(new Member(email.toLowerCase(), digest(password)));
    }

    public Optional<Member> signIn(String email, String password) {
        return members.findByEmail(email.toLowerCase())
                .filter(member -> MessageDigest.isEqual(
                        member.passwordHash().getBytes(StandardCharsets.UTF_8),
                        digest(password).getBytes(StandardCharsets.UTF_8)));
    }
}
