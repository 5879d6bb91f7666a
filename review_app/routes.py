"""Every page route in one place, and builders for links that carry a value."""

from urllib.parse import quote, urlsplit

HOME = "/"
LOGIN = "/login"
REGISTER = "/register"
EDITOR = "/editor"
HISTORY = "/history"
DASHBOARD = "/dashboard"
ADMIN = "/admin"
REVIEW = "/reviews/[review_id]"
PROJECTS = "/projects"
PROJECT = "/projects/[project_id]"
RULE = "/rules/[rule_id]"
SETTINGS = "/settings"
TEAMS = "/teams"
TEAM = "/teams/[team_id]"
INVITATION = "/invitations/[invitation_token]"


def review_url(review_id: object) -> str:
    """The page of one review (a str or a Reflex var of its id)."""
    return f"/reviews/{review_id}"


def project_url(project_id: object) -> str:
    """The page of one project (a str or a Reflex var of its id)."""
    return f"/projects/{project_id}"


def team_url(team_id: object) -> str:
    """The page of one team (a str or a Reflex var of its id)."""
    return f"/teams/{team_id}"


def invitation_url(token: str) -> str:
    """The page that accepts an invitation: the link an inviter gives."""
    return f"/invitations/{token}"


def login_url(path: str, query: str = "") -> str:
    """The login page, coming back to `path` (and its query) afterwards."""
    target = f"{path}?{query}" if query else path
    return f"{LOGIN}?next={quote(target, safe='')}"


def rule_url(rule_id: object) -> str:
    """The page of one rule of the rule pack."""
    return f"/rules/{rule_id}"


def cwe_url(cwe: object) -> str:
    """MITRE's page of a CWE."""
    return f"https://cwe.mitre.org/data/definitions/{cwe}.html"


def local_path(target: str | None, default: str = EDITOR) -> str:
    """`target` if it is a path of this site, else `default`: where to go after signing in.

    Browsers drop tabs and newlines from URLs and read a backslash as a slash, so "/\t/evil"
    would lead to another site: any whitespace, control character or backslash is refused.
    """
    if not target or not target.startswith("/") or target.startswith("//"):
        return default
    if any(character <= " " or character in "\\\x7f" for character in target):
        return default
    parts = urlsplit(target)
    return default if parts.scheme or parts.netloc else target
