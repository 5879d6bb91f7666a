"""Token-bucket rate limiting for outgoing calls to the shipping API."""

import threading
import time


class TokenBucket:
    """Allows `rate` calls per second on average, with bursts up to `capacity`."""

    def __init__(self, rate: float, capacity: int) -> None:
        if rate <= 0 or capacity < 1:
            raise ValueError("rate must be positive and capacity at least 1")
        self._rate = rate
        self._capacity = capacity
        self._tokens = float(capacity)
        self._updated = time.monotonic()
        self._lock = threading.Lock()

    def _refill(self, now: float) -> None:
        elapsed = now - self._updated
        self._tokens = min(self._capacity, self._tokens + elapsed * self._rate)
        self._updated = now

    def try_acquire(self, tokens: int = 1) -> bool:
        with self._lock:
            self._refill(time.monotonic())
            if self._tokens >= tokens:
                self._tokens -= tokens
                return True
            return False

    def acquire(self, tokens: int = 1) -> None:
        while not self.try_acquire(tokens):
            time.sleep(tokens / self._rate)
