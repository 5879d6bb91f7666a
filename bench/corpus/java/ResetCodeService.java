package com.acme.accounts.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** Issues the six-digit codes that let a member reset a forgotten password. */
public class ResetCodeService {

    private static final Duration VALIDITY = Duration.ofMinutes(15);

    private final ResetCodeRepository codes;
    private final Mailer mailer;
    private final Clock clock;
    private final Random random = new Random();

    public ResetCodeService(ResetCodeRepository codes, Mailer mailer, Clock clock) {
        this.codes = codes;
        this.mailer = mailer;
        this.clock = clock;
    }

    public void sendCode(Member member) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        Instant expires = clock.instant().plus(VALIDITY);
        codes.save(new ResetCode(member.id(), code, expires));
        mailer.send(member.email(), "Your reset code", "Enter " + code + " within 15 minutes.");
    }

    public boolean redeem(Member member, String code) {
        return codes.findActive(member.id(), clock.instant())
                .filter(stored -> stored.code().equals(code))
                .map(stored -> {
                    codes.markUsed(stored);
                    return true;
                })
                .orElse(false);
    }
}
