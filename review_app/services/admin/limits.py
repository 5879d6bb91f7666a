"""The rate limits in force, as the admin page and API show them."""

from review_app.services import rate_limits
from review_app.services.accounts.identity import CurrentUser
from review_app.services.permissions import require_admin


def limits_in_force(*, actor: CurrentUser) -> list[rate_limits.RuleInForce]:
    """Every rule with its configured rate and what it counts by (admins only)."""
    require_admin(actor)
    return rate_limits.rules_in_force()
