package com.acme.common.throttle;

import java.util.concurrent.TimeUnit;

/** Token bucket for calls to the shipping carrier, which allows 10 requests a second. */
public final class RateLimiter {

    private final double ratePerNano;
    private final long capacity;
    private double tokens;
    private long updatedAt;

    public RateLimiter(double perSecond, long capacity) {
        if (perSecond <= 0 || capacity < 1) {
            throw new IllegalArgumentException("rate must be positive and capacity at least 1");
        }
        this.ratePerNano = perSecond / TimeUnit.SECONDS.toNanos(1);
        this.capacity = capacity;
        this.tokens = capacity;
        this.updatedAt = System.nanoTime();
    }

    public synchronized boolean tryAcquire() {
        refill(System.nanoTime());
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    public void acquire() throws InterruptedException {
        while (!tryAcquire()) {
            TimeUnit.NANOSECONDS.sleep((long) (1 / ratePerNano));
        }
    }

    private void refill(long now) {
        tokens = Math.min(capacity, tokens + (now - updatedAt) * ratePerNano);
        updatedAt = now;
    }
}
