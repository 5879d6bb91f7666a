"""Every page route in one place, and builders for links that carry a value."""

from urllib.parse import quote

HOME = "/"
LOGIN = "/login"
REGISTER = "/register"
EDITOR = "/editor"
HISTORY = "/history"
DASHBOARD = "/dashboard"
ADMIN = "/admin"
REVIEW = "/reviews/[review_id]"


def review_url(review_id: object) -> str:
    """The page of one review (a str or a Reflex var of its id)."""
    return f"/reviews/{review_id}"


def login_url(path: str, query: str = "") -> str:
    """The login page, coming back to `path` (and its query) afterwards."""
    target = f"{path}?{query}" if query else path
    return f"{LOGIN}?next={quote(target, safe='')}"
