"""Rate limits on Redis (the `limits` library, moving window): which limit guards what.

Services count a request themselves, after validating it, so bad input costs no quota; the
REST API and the UI count every request against the default limit through `count_request`.
"""

import logging
import math
import time
import uuid
from enum import StrEnum
from functools import cache

from limits import parse
from limits.errors import StorageError
from limits.storage import RedisStorage
from limits.strategies import MovingWindowRateLimiter
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
    LOGIN_ACCOUNT = "login_account"
    REGISTER = "register"
    REFRESH = "refresh"
    SUBMIT = "submit"
    SUBMIT_IP = "submit_ip"
    PROJECT = "project"
    PROJECT_REVIEW = "project_review"
    TEAM = "team"

    @property
    def counts(self) -> str:
        """What the rule counts, in words, for the message of a refusal."""
        return _COUNTS[self]


_COUNTS = {
    Rule.DEFAULT: "requests",
    Rule.LOGIN: "sign-in attempts from this address",
    Rule.LOGIN_ACCOUNT: "failed sign-ins to this account from new addresses",
    Rule.REGISTER: "new accounts from this address",
    Rule.REFRESH: "session renewals from this address",
    Rule.SUBMIT: "reviews queued",
    Rule.SUBMIT_IP: "reviews queued from this address",
    Rule.PROJECT: "projects created",
    Rule.PROJECT_REVIEW: "project reviews started",
    Rule.TEAM: "teams created and invitations sent",
}


COUNTED_PER = {
    Rule.DEFAULT: "user, or client IP when signed out",
    Rule.LOGIN: "client IP",
    Rule.LOGIN_ACCOUNT: "account, failed sign-ins from addresses it never signed in from",
    Rule.REGISTER: "client IP",
    Rule.REFRESH: "client IP",
    Rule.SUBMIT: "user (cached answers are free)",
    Rule.SUBMIT_IP: "client IP (cached answers are free)",
    Rule.PROJECT: "user (refused archives are free)",
    Rule.PROJECT_REVIEW: "user (each reviews every file of a project)",
    Rule.TEAM: "user (refused ones are free)",
}


class RuleInForce(BaseModel):
    """A rate limit as configured now, for the admin page."""

    rule: Rule
    rate: str  # e.g. "5/minute"
    counted_per: str


def rate_of(rule: Rule) -> str:
    """The configured rate of a rule, e.g. "5/minute"."""
    return getattr(get_settings(), f"rate_limit_{rule.value}")


def rules_in_force() -> list[RuleInForce]:
    """Every rule with its configured rate and what it counts by."""
    return [
        RuleInForce(rule=rule, rate=rate_of(rule), counted_per=COUNTED_PER[rule]) for rule in Rule
    ]


def per_user(user_id: uuid.UUID | str) -> str:
    """The key counting one user's requests."""
    return f"user:{user_id}"


def per_ip(ip: str | None) -> str:
    """The key counting one client address's requests."""
    return f"ip:{ip}"


@cache
def _limiter(url: str) -> MovingWindowRateLimiter:
    """One limiter (and connection pool) per Redis URL."""
    return MovingWindowRateLimiter(RedisStorage(url, wrap_exceptions=True, socket_timeout=5))


def enforce(rule: Rule, key: str, *, fail_closed: bool = True) -> None:
    """Count one request of `key` against `rule`; raise RateLimitedError when over.

    With Redis down, `fail_closed` refuses (ServiceUnavailableError); otherwise the
    request goes through and a warning is logged.
    """
    limit = parse(rate_of(rule))
    limiter = _limiter(get_settings().effective_redis_url)
    try:
        if limiter.hit(limit, NAMESPACE, rule.value, key):
            return
        stats = limiter.get_window_stats(limit, NAMESPACE, rule.value, key)
    except (StorageError, RedisError, OSError) as error:
        if fail_closed:
            raise ServiceUnavailableError(
                "The service is unavailable right now (its Redis is down); try again shortly."
            ) from error
        logger.warning("rate limit %s not enforced, Redis unavailable: %s", rule.value, error)
        return
    raise _refusal(rule, stats.reset_time)


def check(rule: Rule, key: str) -> None:
    """Refuse when `key` is already over `rule`, without counting this request.

    Raises:
        RateLimitedError: over the limit. (Redis down: let it through, the caller counts later.)
    """
    limit = parse(rate_of(rule))
    limiter = _limiter(get_settings().effective_redis_url)
    try:
        if limiter.test(limit, NAMESPACE, rule.value, key):
            return
        stats = limiter.get_window_stats(limit, NAMESPACE, rule.value, key)
    except (StorageError, RedisError, OSError) as error:
        logger.warning("rate limit %s not checked, Redis unavailable: %s", rule.value, error)
        return
    raise _refusal(rule, stats.reset_time)


def _refusal(rule: Rule, reset_time: float) -> RateLimitedError:
    """The error saying what was limited, the limit, and how long to wait."""
    limit = parse(rate_of(rule))
    span = "" if limit.multiples == 1 else f"{limit.multiples} "
    plural = "" if limit.multiples == 1 else "s"
    wording = f"{limit.amount} per {span}{limit.GRANULARITY.name}{plural}"
    return RateLimitedError(max(1, math.ceil(reset_time - time.time())), rule.counts, wording)


def count_request(key: str, *, writes: bool) -> None:
    """The default limit, counted for every request of the API and every UI action.

    Reads go through when Redis is down; writes (and sign-in) are refused.
    """
    enforce(Rule.DEFAULT, key, fail_closed=writes)


def reset(rule: Rule, key: str) -> None:
    """Forget every counted request of `key` under `rule`."""
    _limiter(get_settings().effective_redis_url).clear(
        parse(rate_of(rule)), NAMESPACE, rule.value, key
    )
