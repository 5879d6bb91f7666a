"""Every forged, stale or misused token gets 401 with `WWW-Authenticate: Bearer`."""

import base64
import json
import time
import uuid

import jwt
import pytest
from fastapi.testclient import TestClient

from review_app.settings import get_settings
from tests.api.conftest import bearer


@pytest.fixture
def tokens(api: TestClient, make_user, sign_in) -> dict:
    make_user("ada@example.com")
    return sign_in("ada@example.com")


def _claims_of(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _forgeries(tokens: dict) -> dict[str, str]:
    claims = _claims_of(tokens["access_token"])
    key = get_settings().jwt_key()
    expired = {**claims, "iat": int(time.time()) - 3600, "exp": int(time.time()) - 60}
    return {
        "alg none": f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}.",
        "wrong key": jwt.encode(claims, "not-the-key-" * 4, algorithm="HS256"),
        "other algorithm": jwt.encode(claims, key, algorithm="HS512"),
        "refresh as access": tokens["refresh_token"],
        "expired": jwt.encode(expired, key, algorithm="HS256"),
        "no jti": jwt.encode({k: v for k, v in claims.items() if k != "jti"}, key, "HS256"),
        "no exp": jwt.encode({k: v for k, v in claims.items() if k != "exp"}, key, "HS256"),
        "unknown user": jwt.encode({**claims, "sub": str(uuid.uuid4())}, key, "HS256"),
        "garbage": "not.a.token",
        "empty": "",
    }


def test_each_tampered_token_is_refused(api: TestClient, tokens: dict) -> None:
    assert api.get("/api/users/me", headers=bearer(tokens["access_token"])).status_code == 200
    for name, token in _forgeries(tokens).items():
        response = api.get("/api/users/me", headers=bearer(token))
        assert response.status_code == 401, name
        assert response.headers["www-authenticate"] == "Bearer", name
        assert response.json()["detail"], name


def test_no_token_at_all_is_refused(api: TestClient) -> None:
    response = api.get("/api/users/me")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_an_access_token_cannot_refresh(api: TestClient, tokens: dict) -> None:
    response = api.post("/api/auth/refresh", json={"refresh_token": tokens["access_token"]})
    assert response.status_code == 401
