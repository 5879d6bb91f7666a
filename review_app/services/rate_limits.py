"""Rate limits on Redis (the `limits` library, moving window): which limit guards what.

Services count a request themselves, after validating it, so bad input costs no quota; the
REST API and the UI count every request against the default limit through `count_request`.
A rule's rate comes from the settings unless an administrator set one (limit_overrides): for
everyone, for a team's members or for one user.
"""

import logging
import math
import time
import uuid
from enum import StrEnum
from functools import cache

from limits import RateLimitItem, parse
from limits.errors import StorageError
from limits.storage import RedisStorage
from limits.strategies import MovingWindowRateLimiter
from pydantic import BaseModel
from redis.exceptions import RedisError

from review_app.services import limit_overrides
from review_app.services.errors import RateLimitedError, ServiceUnavailableError
from review_app.settings import get_settings

logger = logging.getLogger(__name__)
NAMESPACE = "review_app:rate"
_USER = "user:"


class Rule(StrEnum):
    """A named limit; its rate comes from the settings (`RATE_LIMIT_<NAME>`) or the admin page."""

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


# The rules that count one user's requests (the default one only when signed in): an
# administrator may set them per team or per user. The others count per address or account.
PER_USER = frozenset({Rule.DEFAULT, Rule.SUBMIT, Rule.PROJECT, Rule.PROJECT_REVIEW, Rule.TEAM})
FROM_SETTINGS = "from the settings"


class RuleInForce(BaseModel):
    """A rate limit as it holds now (for a given user, or for everyone), for the admin page."""

    rule: Rule
    rate: str  # e.g. "5/minute"
    counted_per: str
    source: str  # "from the settings", "set for everyone", "set for this user"...


def rate_of(rule: Rule, key: str | None = None) -> str:
    """The rate of a rule for the requests counted under `key`, e.g. "5/minute"."""
    return in_force(rule, key).rate


def in_force(rule: Rule, key: str | None = None) -> RuleInForce:
    """The rule as it holds for `key` (None: for everyone), and where its rate comes from."""
    user_id = key.removeprefix(_USER) if key and key.startswith(_USER) else None
    override = limit_overrides.override_for(rule.value, user_id)
    return RuleInForce(
        rule=rule,
        rate=override.rate if override else getattr(get_settings(), f"rate_limit_{rule.value}"),
        counted_per=COUNTED_PER[rule],
        source=override.source if override else FROM_SETTINGS,
    )


def rules_in_force(user_id: uuid.UUID | None = None) -> list[RuleInForce]:
    """Every rule with its rate (for the user, if given), what it counts by and its source."""
    key = per_user(user_id) if user_id is not None else None
    return [in_force(rule, key if rule in PER_USER else None) for rule in Rule]


def per_user(user_id: uuid.UUID | str) -> str:
    """The key counting one user's requests."""
    return f"{_USER}{user_id}"


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
    limit = parse(rate_of(rule, key))
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
    raise _refusal(limit, rule, stats.reset_time)


def check(rule: Rule, key: str) -> None:
    """Refuse when `key` is already over `rule`, without counting this request.

    Raises:
        RateLimitedError: over the limit. (Redis down: let it through, the caller counts later.)
    """
    limit = parse(rate_of(rule, key))
    limiter = _limiter(get_settings().effective_redis_url)
    try:
        if limiter.test(limit, NAMESPACE, rule.value, key):
            return
        stats = limiter.get_window_stats(limit, NAMESPACE, rule.value, key)
    except (StorageError, RedisError, OSError) as error:
        logger.warning("rate limit %s not checked, Redis unavailable: %s", rule.value, error)
        return
    raise _refusal(limit, rule, stats.reset_time)


def _refusal(limit: RateLimitItem, rule: Rule, reset_time: float) -> RateLimitedError:
    """The error saying what was limited, the limit, and how long to wait."""
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
        parse(rate_of(rule, key)), NAMESPACE, rule.value, key
    )
