"""Using up a rate limit from a test, as many requests would."""

from review_app.services import rate_limits


def exhaust(rule: rate_limits.Rule, key: str) -> None:
    """Use up `key`'s whole allowance under `rule` with fresh requests.

    Starting from an empty window: requests counted earlier would leave it within a moving
    window's length, freeing places while the test still expects a refusal.
    """
    rate_limits.reset(rule, key)
    for _ in range(int(rate_limits.rate_of(rule).split("/")[0])):
        try:
            rate_limits.enforce(rule, key)
        except rate_limits.RateLimitedError:
            return
