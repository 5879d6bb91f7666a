"""Retries flaky calls to partner APIs with capped exponential backoff."""

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

import requests

T = TypeVar("T")
logger = logging.getLogger(__name__)

RETRYABLE = (requests.ConnectionError, requests.Timeout)


def backoff_delay(attempt: int, base: float = 0.5, cap: float = 30.0) -> float:
    # Full jitter keeps many workers from retrying in lockstep.
    return random.uniform(0, min(cap, base * 2**attempt))


def with_retries(call: Callable[[], T], attempts: int = 5) -> T:
    for attempt in range(attempts):
        try:
            return call()
        except RETRYABLE as exc:
            if attempt == attempts - 1:
                raise
            delay = backoff_delay(attempt)
            logger.warning("partner call failed (%s), retrying in %.1fs", exc, delay)
            time.sleep(delay)
    raise RuntimeError("unreachable: attempts must be positive")
