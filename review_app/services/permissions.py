"""Who may do what: checked inside the services, whichever adapter (API, page) calls them."""

from review_app.services.accounts.identity import CurrentUser
from review_app.services.errors import AdminOnlyError


def require_admin(actor: CurrentUser) -> None:
    """Refuse a non-admin.

    Raises:
        AdminOnlyError: `actor` is not an admin.
    """
    if not actor.is_admin:
        raise AdminOnlyError
