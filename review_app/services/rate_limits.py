"""Rate limits on Redis (the `limits` library, moving window), shared by the API and the UI."""

import asyncio
import logging
import math
import time
import weakref
from enum import StrEnum

from limits import parse
from limits.aio.storage import RedisStorage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.errors import StorageError
from pydantic import BaseModel
from redis.exceptions import RedisError

from review_app.services.errors import RateLimitedError, ServiceUnavailableError
from review_app.settings import get_settings

logger = logging.getLogger(__name__)
NAMESPACE = "review_app:rate"


class Rule(StrEnum):
    """A named limit; its rate comes from the settings (`RATE_LIMIT_<NAME>`)."""

    DEFAULT = "default"
    LOGIN = "login"
    REGISTER = "register"
    REFRESH = "refresh"
    SUBMIT = "submit"


def rate_of(rule: Rule) -> str:
    """The configured rate of a rule, e.g. "5/minute"."""
    return getattr(get_settings(), f"rate_limit_{rule.value}")


COUNTED_PER = {
    Rule.DEFAULT: "user, or client IP when signed out",
    Rule.LOGIN: "client IP",
    Rule.REGISTER: "client IP",
    Rule.REFRESH: "client IP",
    Rule.SUBMIT: "user",
}


class RuleInForce(BaseModel):
    """A rate limit as configured now, for the admin page."""

    rule: Rule
    rate: str  # e.g. "5/minute"
    counted_per: str


def rules_in_force() -> list[RuleInForce]:
    """Every rule with its configured rate and what it counts by."""
    return [
        RuleInForce(rule=rule, rate=rate_of(rule), counted_per=COUNTED_PER[rule]) for rule in Rule
    ]


# One limiter per event loop: an asyncio Redis connection must not cross loops.
_limiters: (
    "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, tuple[str, MovingWindowRateLimiter]]"
)
_limiters = weakref.WeakKeyDictionary()


def _limiter() -> MovingWindowRateLimiter:
    """The limiter of the running loop for the configured Redis."""
    url = get_settings().effective_redis_url
    loop = asyncio.get_running_loop()
    cached = _limiters.get(loop)
    if cached is None or cached[0] != url:
        storage = RedisStorage(f"async+{url}", implementation="redispy", wrap_exceptions=True)
        cached = (url, MovingWindowRateLimiter(storage))
        _limiters[loop] = cached
    return cached[1]


async def enforce(rule: Rule, key: str, *, fail_closed: bool) -> None:
    """Count one request of `key` against `rule`; raise RateLimitedError when over.

    With Redis down, `fail_closed` refuses (ServiceUnavailableError); otherwise the
    request goes through and a warning is logged.
    """
    limit = parse(rate_of(rule))
    limiter = _limiter()
    try:
        if await limiter.hit(limit, NAMESPACE, rule.value, key):
            return
        stats = await limiter.get_window_stats(limit, NAMESPACE, rule.value, key)
    except (StorageError, RedisError, OSError) as error:
        if fail_closed:
            raise ServiceUnavailableError(
                "The service is unavailable right now (its Redis is down); try again shortly."
            ) from error
        logger.warning("rate limit %s not enforced, Redis unavailable: %s", rule.value, error)
        return
    raise RateLimitedError(max(1, math.ceil(stats.reset_time - time.time())))


async def reset(rule: Rule, key: str) -> None:
    """Forget every counted request of `key` under `rule`."""
    await _limiter().clear(parse(rate_of(rule)), NAMESPACE, rule.value, key)
