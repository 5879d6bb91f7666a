"""Rate limits: per route, per IP or user, with Retry-After; Redis down fails the right way."""

import time

from fastapi.testclient import TestClient

from review_app.api.app import create_api
from tests.api.conftest import PASSWORD, bearer


def _login(client: TestClient, **headers: str):
    credentials = {"email": "ada@example.com", "password": PASSWORD}
    return client.post("/api/auth/login", json=credentials, headers=headers)


def test_the_sixth_login_in_a_minute_is_refused(
    set_env, database_url, redis_client, make_user
) -> None:
    set_env(RATE_LIMIT_LOGIN="5/minute")
    make_user("ada@example.com")
    client = TestClient(create_api())
    assert [_login(client).status_code for _ in range(5)] == [200] * 5
    refused = _login(client)
    assert refused.status_code == 429
    assert 0 < int(refused.headers["retry-after"]) <= 60
    assert "Try again in" in refused.json()["detail"]


def test_a_login_after_the_window_succeeds(set_env, database_url, redis_client, make_user) -> None:
    set_env(RATE_LIMIT_LOGIN="5/2 seconds")
    make_user("ada@example.com")
    client = TestClient(create_api())
    statuses = [_login(client).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    time.sleep(int(_login(client).headers["retry-after"]) + 0.1)
    assert _login(client).status_code == 200


def test_register_and_refresh_have_their_own_limits(
    set_env, database_url, redis_client, make_user, sign_in
) -> None:
    set_env(RATE_LIMIT_REGISTER="3/minute", RATE_LIMIT_REFRESH="2/minute")
    client = TestClient(create_api())
    registrations = [
        client.post("/api/auth/register", json={"email": f"u{n}@example.com", "password": PASSWORD})
        for n in range(4)
    ]
    assert [r.status_code for r in registrations] == [201, 201, 201, 429]
    make_user("ada@example.com")
    token = _login(client).json()["refresh_token"]
    for _ in range(2):
        token = client.post("/api/auth/refresh", json={"refresh_token": token}).json()[
            "refresh_token"
        ]
    assert client.post("/api/auth/refresh", json={"refresh_token": token}).status_code == 429


def test_other_routes_have_a_default_limit_per_user(
    set_env, database_url, redis_client, make_user
) -> None:
    set_env(RATE_LIMIT_DEFAULT="3/minute", RATE_LIMIT_LOGIN="10/minute")
    make_user("ada@example.com")
    make_user("bob@example.com")
    client = TestClient(create_api())
    ada = bearer(_login(client).json()["access_token"])
    bob_login = {"email": "bob@example.com", "password": PASSWORD}
    bob = bearer(client.post("/api/auth/login", json=bob_login).json()["access_token"])
    assert [client.get("/api/users/me", headers=ada).status_code for _ in range(4)] == [
        200,
        200,
        200,
        429,
    ]
    assert client.get("/api/users/me", headers=bob).status_code == 200
    assert client.get("/openapi.json").status_code == 200


def test_forwarded_for_is_ignored_unless_the_proxy_is_trusted(
    set_env, database_url, redis_client, make_user
) -> None:
    make_user("ada@example.com")
    direct = TestClient(create_api(), client=("203.0.113.9", 4000))
    spoofed = [_login(direct, **{"X-Forwarded-For": f"10.0.0.{n}"}).status_code for n in range(6)]
    assert spoofed[-1] == 429

    set_env(TRUSTED_PROXIES='["198.51.100.0/24"]')
    proxy = TestClient(create_api(), client=("198.51.100.1", 4000))
    through_proxy = [
        _login(proxy, **{"X-Forwarded-For": f"192.0.2.{n}"}).status_code for n in range(6)
    ]
    assert through_proxy == [200] * 6


def test_with_redis_down_sign_in_fails_closed_and_reads_fail_open(
    set_env, database_url, redis_client, make_user, sign_in
) -> None:
    make_user("ada@example.com")
    access = sign_in("ada@example.com")["access_token"]
    set_env(REDIS_URL="redis://127.0.0.1:1/0")
    client = TestClient(create_api())
    refused = _login(client)
    assert refused.status_code == 503
    assert "unavailable" in refused.json()["detail"]
    me = client.get("/api/users/me", headers=bearer(access))
    assert me.status_code == 200
    assert me.json()["email"] == "ada@example.com"
    body = {"language": "python", "code": "x = 1\n"}
    submitted = client.post("/api/reviews", json=body, headers=bearer(access))
    assert submitted.status_code == 503
    assert submitted.json()["detail"].startswith("The service is unavailable")  # not "Sign-in"


def test_bad_input_costs_no_quota(set_env, database_url, redis_client, make_user, sign_in) -> None:
    """The services validate before they count: refused input never uses up an allowance."""
    set_env(RATE_LIMIT_REGISTER="2/minute", RATE_LIMIT_SUBMIT="2/minute")
    client = TestClient(create_api())
    for weak in ("password", "short"):
        body = {"email": "eve@example.com", "password": weak}
        assert client.post("/api/auth/register", json=body).status_code == 422
    good = [{"email": f"u{n}@example.com", "password": PASSWORD} for n in range(3)]
    statuses = [client.post("/api/auth/register", json=body).status_code for body in good]
    assert statuses == [201, 201, 429]

    make_user("ada@example.com")
    ada = bearer(sign_in("ada@example.com")["access_token"])
    for bad in ({"language": "python", "code": "   "}, {"language": "cobol", "code": "x"}):
        assert client.post("/api/reviews", json=bad, headers=ada).status_code == 422
    code = {"language": "python", "code": "x = 1\n"}
    statuses = [client.post("/api/reviews", json=code, headers=ada).status_code for _ in range(3)]
    assert statuses == [202, 202, 429]


def test_guessing_one_account_from_many_addresses_is_slowed_without_locking_out_its_owner(
    set_env, database_url, redis_client, make_user
) -> None:
    """Failed sign-ins count per account; over the limit, only addresses it used before get in."""
    set_env(RATE_LIMIT_LOGIN_ACCOUNT="3/minute", TRUSTED_PROXIES='["127.0.0.1"]')
    make_user("ada@example.com")
    client = TestClient(create_api(), client=("127.0.0.1", 50000))  # behind a trusted proxy
    assert _login(client, **{"X-Forwarded-For": "10.0.0.1"}).status_code == 200  # her laptop

    def guess(address: str):
        body = {"email": "ada@example.com", "password": "wrong guess 123"}
        return client.post("/api/auth/login", json=body, headers={"X-Forwarded-For": address})

    assert [guess(f"203.0.113.{n}").status_code for n in range(3)] == [401] * 3
    refused = guess("203.0.113.9")
    assert refused.status_code == 429
    assert "failed sign-ins to this account" in refused.json()["detail"]
    assert _login(client, **{"X-Forwarded-For": "10.0.0.1"}).status_code == 200  # not locked out
    stranger = {"email": "nobody@example.com", "password": "wrong guess 123"}
    assert client.post("/api/auth/login", json=stranger).status_code == 401  # others unaffected
