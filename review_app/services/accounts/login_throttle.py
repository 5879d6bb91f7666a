"""Failed sign-ins per account: slows guessing spread over many addresses, locks no one out.

Each failed sign-in counts against the account (RATE_LIMIT_LOGIN_ACCOUNT). Over the limit, new
addresses are refused for that account until the window passes; an address the account has
signed in from before (remembered for 90 days) is still let through, so an attacker cannot lock
the real owner out by failing on purpose. Counted by the typed address, whether or not an
account has it, so the answer tells nothing about which accounts exist.
"""

import contextlib
import hashlib
import logging

from redis import RedisError

from review_app.redis_client import KEY_PREFIX, get_redis
from review_app.services import rate_limits

logger = logging.getLogger(__name__)
KNOWN_ADDRESS_DAYS = 90


def _account_key(email: str) -> str:
    return "account:" + hashlib.sha256(email.encode()).hexdigest()


def _known_key(email: str) -> str:
    return f"{KEY_PREFIX}known-ips:{_account_key(email)}"


def check(email: str, ip: str | None) -> None:
    """Before checking the password: refuse a new address of an account under attack.

    Raises:
        RateLimitedError: the account is over its failed sign-ins and `ip` is new to it.
    """
    if ip is not None and _is_known(email, ip):
        return
    rate_limits.check(rate_limits.Rule.LOGIN_ACCOUNT, _account_key(email))


def failed(email: str) -> None:
    """Count one failed sign-in against the account (over the limit already: `check` refuses
    the next attempt from a new address)."""
    with contextlib.suppress(rate_limits.RateLimitedError):
        rate_limits.enforce(rate_limits.Rule.LOGIN_ACCOUNT, _account_key(email), fail_closed=False)


def succeeded(email: str, ip: str | None) -> None:
    """Remember the address the account signed in from."""
    if ip is None:
        return
    try:
        pipeline = get_redis().pipeline(transaction=False)
        pipeline.sadd(_known_key(email), ip)
        pipeline.expire(_known_key(email), KNOWN_ADDRESS_DAYS * 24 * 3600)
        pipeline.execute()
    except RedisError as error:
        logger.warning("sign-in address not remembered: %s", error)


def _is_known(email: str, ip: str) -> bool:
    try:
        return bool(get_redis().sismember(_known_key(email), ip))
    except RedisError:
        return False
