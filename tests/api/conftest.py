"""The REST API in-process, over real Redis and a real database, and users to call it with."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from review_app.api.app import create_api
from review_app.db import session_scope
from review_app.services.accounts import users as accounts

PASSWORD = "correct horse battery"


GENEROUS_LIMITS = {
    f"RATE_LIMIT_{rule}": "10000/minute" for rule in ("DEFAULT", "LOGIN", "REGISTER", "REFRESH")
}


@pytest.fixture
def api(database_url: str, redis_client, set_env) -> TestClient:
    """A client of the REST API on the parametrized database, with limits out of the way."""
    set_env(**GENEROUS_LIMITS)
    return TestClient(create_api())


@pytest.fixture
def make_user(database_url: str) -> Callable[..., str]:
    """Create a user directly through the service (no rate limit); returns the email."""

    def make(email: str, password: str = PASSWORD, role: str = "user") -> str:
        with session_scope() as session:
            return accounts.create_user(
                session=session, email=email, password=password, role=role
            ).email

    return make


@pytest.fixture
def sign_in(api: TestClient) -> Callable[[str], dict]:
    """Log in through the API; returns the token pair."""

    def login(email: str, password: str = PASSWORD) -> dict:
        response = api.post("/api/auth/login", json={"email": email, "password": password})
        assert response.status_code == 200, response.text
        return response.json()

    return login


def bearer(token: str) -> dict[str, str]:
    """The Authorization header for an access token."""
    return {"Authorization": f"Bearer {token}"}
