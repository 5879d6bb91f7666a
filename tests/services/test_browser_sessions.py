"""The browser's session cookie: one-use tickets, rotation on use, reuse ending the login."""

import time
import uuid

import pytest

from review_app.services.accounts import auth, browser_sessions
from review_app.services.errors import AuthenticationError

IP = "203.0.113.7"


def _login() -> auth.TokenPair:
    return auth.login(email="ada@example.com", password="correct horse battery", ip=IP)


@pytest.fixture
def short_grace(monkeypatch: pytest.MonkeyPatch) -> float:
    """A one-second grace period for repeated rotations; returns how long to wait it out."""
    monkeypatch.setattr(browser_sessions, "ROTATION_GRACE_SECONDS", 1)
    return 1.2


def test_a_ticket_gives_the_cookie_once_and_only_to_its_address(user_id: uuid.UUID) -> None:
    pair = _login()
    ticket = browser_sessions.issue_ticket(pair.refresh_token, IP)
    with pytest.raises(AuthenticationError):
        browser_sessions.redeem_ticket(ticket, "198.51.100.1")
    ticket = browser_sessions.issue_ticket(pair.refresh_token, IP)
    assert browser_sessions.redeem_ticket(ticket, IP).value == pair.refresh_token
    with pytest.raises(AuthenticationError):
        browser_sessions.redeem_ticket(ticket, IP)


def test_rotation_replaces_the_cookie_and_reusing_an_old_one_ends_the_login(
    user_id: uuid.UUID, short_grace: float
) -> None:
    first = _login().refresh_token
    assert browser_sessions.restore(first).user.id == user_id
    second = browser_sessions.rotate(first).value
    assert second != first
    # Tabs rotating at once (or a lost answer) get the same successor within the grace period.
    assert browser_sessions.rotate(first).value == second

    time.sleep(short_grace)
    with pytest.raises(AuthenticationError):
        browser_sessions.restore(first)
    with pytest.raises(AuthenticationError):
        browser_sessions.restore(second)
    with pytest.raises(AuthenticationError):
        browser_sessions.renew_access_token(user_id, browser_sessions.family_of(second))


def test_a_stale_cookie_sent_to_rotation_ends_the_login(
    user_id: uuid.UUID, short_grace: float
) -> None:
    first = _login().refresh_token
    second = browser_sessions.rotate(first).value
    time.sleep(short_grace)
    with pytest.raises(AuthenticationError):
        browser_sessions.rotate(first)
    with pytest.raises(AuthenticationError):
        browser_sessions.rotate(second)


def test_signing_the_browser_out_ends_its_login(user_id: uuid.UUID) -> None:
    pair = _login()
    family = browser_sessions.family_of(pair.refresh_token)
    assert browser_sessions.renew_access_token(user_id, family)
    browser_sessions.end(pair.refresh_token)
    with pytest.raises(AuthenticationError):
        browser_sessions.renew_access_token(user_id, family)
    with pytest.raises(AuthenticationError):
        browser_sessions.restore(pair.refresh_token)
    with pytest.raises(AuthenticationError):
        auth.authenticate(pair.access_token)


def test_a_cookie_header_yields_the_session_cookie_only() -> None:
    header = f"theme=dark; {browser_sessions.COOKIE_NAME}=abc.def-ghi; other=1"
    assert browser_sessions.cookie_in(header) == "abc.def-ghi"
    assert browser_sessions.cookie_in("theme=dark") == ""
    assert browser_sessions.cookie_in("") == ""
