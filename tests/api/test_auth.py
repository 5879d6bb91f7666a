"""Register, login, refresh and logout through the REST API."""

import time

from fastapi.testclient import TestClient
from sqlmodel import select

from review_app.api.app import create_api
from review_app.db import session_scope
from review_app.models import AuditEvent
from tests.api.conftest import PASSWORD, bearer


def test_register_returns_the_account(api: TestClient) -> None:
    response = api.post(
        "/api/auth/register", json={"email": "Ada@Example.com", "password": PASSWORD}
    )
    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "ada@example.com"
    assert body["role"] == "user"
    assert set(body) == {"id", "email", "role", "created_at"}


def test_register_twice_in_any_case_is_a_conflict(api: TestClient, make_user) -> None:
    make_user("ada@example.com")
    response = api.post(
        "/api/auth/register", json={"email": "ADA@example.COM", "password": PASSWORD}
    )
    assert response.status_code == 409
    assert "already exists" in response.json()["detail"]


def test_register_refuses_bad_input(api: TestClient) -> None:
    cases = {
        "not-an-email": PASSWORD,
        "short@example.com": "1234567",
        "long@example.com": "x" * 257,
        "common@example.com": "password123",
    }
    for email, password in cases.items():
        response = api.post("/api/auth/register", json={"email": email, "password": password})
        assert response.status_code == 422, (email, response.text)
        assert response.json()["detail"]
    response = api.post("/api/auth/register", json={"email": "x@example.com"})
    assert response.status_code == 422


def test_a_password_as_long_as_allowed_registers_and_signs_in(api: TestClient) -> None:
    password = "Tr0ub4dor&3-" + "kq7-vz2-" * 30 + "okay"  # 256 characters: zxcvbn judges 72
    account = {"email": "ada@example.com", "password": password}
    assert api.post("/api/auth/register", json=account).status_code == 201
    assert api.post("/api/auth/login", json=account).status_code == 200


def test_login_returns_tokens_and_a_strict_httponly_cookie(api: TestClient, make_user) -> None:
    make_user("ada@example.com")
    response = api.post("/api/auth/login", json={"email": "ada@example.com", "password": PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert 14 * 60 <= body["expires_in"] <= 15 * 60
    assert body["access_token"]
    assert body["refresh_token"]
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"refresh_token={body['refresh_token']};")
    for attribute in ("HttpOnly", "SameSite=strict", "Path=/api/auth"):
        assert attribute.lower() in cookie.lower()
    assert "secure" not in cookie.lower()


def test_cookie_is_secure_over_https(api: TestClient, make_user) -> None:
    make_user("ada@example.com")
    client = TestClient(create_api(), base_url="https://review.example")
    response = client.post(
        "/api/auth/login", json={"email": "ada@example.com", "password": PASSWORD}
    )
    assert "secure" in response.headers["set-cookie"].lower()


def test_unknown_email_and_wrong_password_look_the_same(api: TestClient, make_user) -> None:
    make_user("ada@example.com")

    def attempt(email: str) -> tuple[int, str, float]:
        start = time.perf_counter()
        response = api.post("/api/auth/login", json={"email": email, "password": "wrong-password"})
        return response.status_code, response.json()["detail"], time.perf_counter() - start

    unknown, wrong = [], []
    for _ in range(5):  # interleaved, so load on the machine hits both alike
        unknown.append(attempt("nobody@example.com"))
        wrong.append(attempt("ada@example.com"))
    assert {(status, detail) for status, detail, _ in unknown + wrong} == {
        (401, "Incorrect email or password.")
    }
    fastest = min(t for *_, t in unknown) / min(t for *_, t in wrong)
    assert 1 / 3 < fastest < 3, (unknown, wrong)  # skipping the hash would be ~10x faster


def test_refresh_with_json_body_or_cookie(api: TestClient, make_user, sign_in) -> None:
    make_user("ada@example.com")
    first = sign_in("ada@example.com")
    second = api.post("/api/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    assert second.json()["refresh_token"] != first["refresh_token"]
    api.cookies.set("refresh_token", second.json()["refresh_token"], path="/api/auth")
    third = api.post("/api/auth/refresh")
    assert third.status_code == 200
    assert api.get("/api/users/me", headers=bearer(third.json()["access_token"])).status_code == 200


def test_a_reused_refresh_token_revokes_the_whole_login(
    api: TestClient, make_user, sign_in
) -> None:
    make_user("ada@example.com")
    first = sign_in("ada@example.com")
    rotated = api.post("/api/auth/refresh", json={"refresh_token": first["refresh_token"]}).json()

    reuse = api.post("/api/auth/refresh", json={"refresh_token": first["refresh_token"]})

    assert reuse.status_code == 401
    assert reuse.headers["www-authenticate"] == "Bearer"
    newest = api.post("/api/auth/refresh", json={"refresh_token": rotated["refresh_token"]})
    assert newest.status_code == 401
    assert api.get("/api/users/me", headers=bearer(rotated["access_token"])).status_code == 401


def test_refresh_without_a_token_is_401(api: TestClient) -> None:
    response = api.post("/api/auth/refresh")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_logout_ends_that_login_only(api: TestClient, make_user, sign_in) -> None:
    make_user("ada@example.com")
    laptop = sign_in("ada@example.com")
    phone = sign_in("ada@example.com")

    response = api.post("/api/auth/logout", headers=bearer(laptop["access_token"]))

    assert response.status_code == 204
    assert api.get("/api/users/me", headers=bearer(laptop["access_token"])).status_code == 401
    refresh = api.post("/api/auth/refresh", json={"refresh_token": laptop["refresh_token"]})
    assert refresh.status_code == 401
    assert api.get("/api/users/me", headers=bearer(phone["access_token"])).status_code == 200
    with session_scope() as session:
        actions = session.exec(select(AuditEvent.action, AuditEvent.actor_email)).all()
    assert ("logout", "ada@example.com") in actions
    assert actions.count(("login", "ada@example.com")) == 2


def test_logout_without_a_token_is_401(api: TestClient) -> None:
    assert api.post("/api/auth/logout").status_code == 401


def test_me_shows_the_callers_own_account(api: TestClient, make_user, sign_in) -> None:
    make_user("ada@example.com")
    make_user("bob@example.com")
    for email in ("ada@example.com", "bob@example.com"):
        me = api.get("/api/users/me", headers=bearer(sign_in(email)["access_token"]))
        assert me.status_code == 200
        assert me.json()["email"] == email
        assert set(me.json()) == {"id", "email", "role", "created_at"}


def test_a_disabled_account_is_refused_at_once(api: TestClient, make_user, sign_in) -> None:
    from review_app.models import User
    from review_app.services.accounts.auth import drop_session_cache

    make_user("ada@example.com")
    tokens = sign_in("ada@example.com")
    with session_scope() as session:
        user = session.exec(select(User).where(User.email == "ada@example.com")).one()
        user.disabled = True
        session.add(user)
    drop_session_cache(user.id)
    assert api.get("/api/users/me", headers=bearer(tokens["access_token"])).status_code == 401
    login = api.post("/api/auth/login", json={"email": "ada@example.com", "password": PASSWORD})
    assert login.status_code == 401
