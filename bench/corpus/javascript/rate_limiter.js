"use strict";

// Fixed-window limiter for a single process; production uses the Redis-backed one.
class RateLimiter {
  constructor({ limit, windowMs, now = Date.now }) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.now = now;
    this.windows = new Map();
  }

  hit(key) {
    const current = this.now();
    const windowStart = current - (current % this.windowMs);
    const entry = this.windows.get(key);
    if (!entry || entry.start !== windowStart) {
      this.windows.set(key, { start: windowStart, count: 1 });
      return { allowed: true, remaining: this.limit - 1, resetAt: windowStart + this.windowMs };
    }
    entry.count += 1;
    return {
      allowed: entry.count <= this.limit,
      remaining: Math.max(0, this.limit - entry.count),
      resetAt: windowStart + this.windowMs,
    };
  }

  middleware(keyOf = (req) => req.ip) {
    return (req, res, next) => {
      const result = this.hit(keyOf(req));
      res.setHeader("X-RateLimit-Remaining", String(result.remaining));
      res.setHeader("X-RateLimit-Reset", String(Math.ceil(result.resetAt / 1000)));
      if (!result.allowed) {
        return res.status(429).json({ error: "Too many requests" });
      }
      next();
    };
  }
}

module.exports = { RateLimiter };
