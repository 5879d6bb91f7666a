package com.acme.common.retry;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Callable;

/** Retries calls to flaky partners with exponential backoff and full jitter. */
public final class RetryBackoff {

    private final int maxAttempts;
    private final Duration base;
    private final Duration cap;
    private final Random jitter = new Random();

    public RetryBackoff(int maxAttempts, Duration base, Duration cap) {
        this.maxAttempts = maxAttempts;
        this.base = base;
        this.cap = cap;
    }

    long delayMillis(int attempt) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 20));
        return (long) (jitter.nextDouble() * ceiling);
    }

    public <T> T call(Callable<T> action) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return action.call();
            } catch (java.io.IOException e) {
                if (attempt + 1 >= maxAttempts) {
                    throw e;
                }
                Thread.sleep(delayMillis(attempt));
            }
        }
    }
}
