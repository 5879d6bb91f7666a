"""Single sign-on through a real OpenID Connect provider (npm oidc-provider): accounts made or
linked by verified email, and every way a sign-in must fail (wrong state, replayed code,
unverified email); an admin can require it of a team."""

from collections.abc import Iterator
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import AuditEvent
from review_app.services.accounts.browser_sessions import COOKIE_NAME
from review_app.settings import get_settings
from support.oidc_provider import OidcProvider
from tests.api.conftest import PASSWORD, bearer
from tests.api.team_steps import join, make_team

ACCOUNTS = {
    "ada": {"email": "ada@example.com", "email_verified": True},
    "grace": {"email": "Grace@Example.com", "email_verified": True},
    "eve": {"email": "eve@example.com", "email_verified": False},
}


@pytest.fixture
def provider(api: TestClient, set_env) -> Iterator[OidcProvider]:
    """The provider, with the app set up to sign in through it."""
    callback = f"{get_settings().effective_origins[0]}/api/sso/callback"
    with OidcProvider([callback], ACCOUNTS) as running:
        set_env(**running.settings)
        yield running


def leave_for_provider(browser: TestClient, next_path: str = "/projects") -> str:
    """Start signing in: the app sends the browser to the provider's authorization URL."""
    answer = browser.get("/api/sso/start", params={"next": next_path}, follow_redirects=False)
    assert answer.status_code in (302, 303, 307), answer.text
    return answer.headers["location"]


def come_back(browser: TestClient, callback_url: str) -> httpx.Response:
    """The browser arrives at the app's callback from the provider."""
    parts = urlsplit(callback_url)
    return browser.get(f"{parts.path}?{parts.query}", follow_redirects=False)


def sign_in_with_sso(browser: TestClient, provider: OidcProvider, login: str) -> httpx.Response:
    """The whole round trip, as `login` at the provider."""
    return come_back(browser, provider.sign_in(leave_for_provider(browser), login))


def notice_of(answer: httpx.Response) -> str:
    """Why the app sent the browser back to the sign-in page (its `sso` parameter)."""
    assert answer.status_code == 303
    location = urlsplit(answer.headers["location"])
    assert location.path == "/login"
    return parse_qs(location.query)["sso"][0]


def signed_in_email(api: TestClient, answer: httpx.Response) -> str:
    """Who the session cookie the app just set belongs to (traded through the refresh API)."""
    cookie = answer.cookies[COOKIE_NAME]
    pair = api.post("/api/auth/refresh", json={"refresh_token": cookie})
    assert pair.status_code == 200, pair.text
    me = api.get("/api/users/me", headers=bearer(pair.json()["access_token"]))
    return me.json()["email"]


def test_a_new_person_gets_an_account_signed_in_where_they_were_headed(api, provider):
    answer = sign_in_with_sso(api, provider, "ada")

    assert answer.status_code == 303
    assert answer.headers["location"] == "/projects"
    set_cookie = answer.headers["set-cookie"]
    assert f"{COOKIE_NAME}=" in set_cookie
    assert "httponly" in set_cookie.lower()
    assert signed_in_email(api, answer) == "ada@example.com"
    # The account has no password: only the provider signs it in.
    refused = api.post("/api/auth/login", json={"email": "ada@example.com", "password": PASSWORD})
    assert refused.status_code == 401


def test_an_existing_account_is_linked_by_verified_email_once(api, provider, make_user):
    make_user("grace@example.com")

    first = sign_in_with_sso(api, provider, "grace")
    second = sign_in_with_sso(TestClient(api.app), provider, "grace")

    assert signed_in_email(api, first) == signed_in_email(api, second) == "grace@example.com"
    with session_scope() as session:
        links = session.exec(select(AuditEvent).where(AuditEvent.action == "sso.link")).all()
    assert [link.actor_email for link in links] == ["grace@example.com"]
    # The password still works for an account that had one.
    login = api.post("/api/auth/login", json={"email": "grace@example.com", "password": PASSWORD})
    assert login.status_code == 200


def test_an_unverified_email_is_refused_and_no_account_is_made(api, provider, make_user):
    answer = sign_in_with_sso(api, provider, "eve")

    assert notice_of(answer) == "unverified"
    assert COOKIE_NAME not in answer.cookies
    with session_scope() as session:
        assert not session.exec(select(AuditEvent).where(AuditEvent.action == "sso.link")).all()


def test_a_wrong_state_or_another_browser_signs_nobody_in(api, provider):
    callback = provider.sign_in(leave_for_provider(api), "ada")
    parts = urlsplit(callback)
    query = parse_qs(parts.query)
    forged = urlencode({"code": query["code"][0], "state": "not-the-state-we-sent"})

    wrong_state = come_back(api, f"{parts.path}?{forged}")
    other_browser = come_back(TestClient(api.app), callback)

    assert notice_of(wrong_state) == "stale"
    assert notice_of(other_browser) == "stale"
    assert COOKIE_NAME not in wrong_state.cookies
    assert COOKIE_NAME not in other_browser.cookies


def test_a_replayed_code_signs_nobody_in(api, provider):
    callback = provider.sign_in(leave_for_provider(api), "ada")
    assert come_back(api, callback).status_code == 303  # signed in once

    replayed = come_back(api, callback)
    # The same code with a fresh state of this browser: the provider refuses the used code.
    fresh_state = parse_qs(urlsplit(leave_for_provider(api)).query)["state"][0]
    code = parse_qs(urlsplit(callback).query)["code"][0]
    reused = urlencode({"code": code, "state": fresh_state})
    reused_code = come_back(api, f"/api/sso/callback?{reused}")

    assert notice_of(replayed) == "stale"
    assert notice_of(reused_code) == "denied"
    assert COOKIE_NAME not in reused_code.cookies


def test_a_team_that_requires_sso_refuses_its_members_passwords(
    api, provider, people, make_user, sign_in
):
    owner, admin_email = people("ada"), make_user("root@example.com", role="admin")
    team = make_team(api, owner, "Platform")
    grace = make_user("grace@example.com")
    graces_login = sign_in(grace)
    join(api, team, owner, bearer(graces_login["access_token"]), grace, "member")
    admin = bearer(sign_in(admin_email)["access_token"])

    refused = api.put(f"/api/admin/teams/{team}/sso", json={"required": True}, headers=owner)
    required = api.put(f"/api/admin/teams/{team}/sso", json={"required": True}, headers=admin)

    assert refused.status_code == 403
    assert required.status_code == 200
    assert required.json() == {"required": True}
    # Grace's open login ended; her password no longer signs her in; the provider does.
    stale = api.post("/api/auth/refresh", json={"refresh_token": graces_login["refresh_token"]})
    assert stale.status_code == 401
    by_password = api.post("/api/auth/login", json={"email": grace, "password": PASSWORD})
    assert by_password.status_code == 401
    assert "Platform requires single sign-on" in by_password.json()["detail"]
    assert signed_in_email(api, sign_in_with_sso(api, provider, "grace")) == grace
    # A person outside the team still signs in with a password; listed for the admin.
    admin_login = {"email": admin_email, "password": PASSWORD}
    assert api.post("/api/auth/login", json=admin_login).is_success
    listed = api.get("/api/admin/teams", headers=admin).json()["items"]
    assert [(item["name"], item["sso_required"]) for item in listed] == [("Platform", True)]


def test_sso_cannot_be_required_where_it_is_not_set_up(api, make_user, sign_in, people):
    team = make_team(api, people("ada"), "Platform")
    admin = bearer(sign_in(make_user("root@example.com", role="admin"))["access_token"])

    answer = api.put(f"/api/admin/teams/{team}/sso", json={"required": True}, headers=admin)

    assert answer.status_code == 409
    assert api.get("/api/sso/start", follow_redirects=False).status_code == 404
