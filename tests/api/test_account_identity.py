"""One person, one account: look-alike addresses and guessable passwords are refused."""

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import PASSWORD


def _register(api: TestClient, email: str, password: str = PASSWORD):
    return api.post("/api/auth/register", json={"email": email, "password": password})


def test_a_full_width_address_is_the_same_account(api: TestClient) -> None:
    assert _register(api, "ada@example.com").status_code == 201
    wide = _register(api, "\uff41\uff44\uff41@example.com")  # full-width letters
    assert wide.status_code == 409


@pytest.mark.parametrize(
    ("look_alike", "status"),
    [
        pytest.param("\u0430da@example.com", 422, id="one Cyrillic letter among Latin ones"),
        pytest.param("\u0430\u0501\u0430@example.com", 409, id="all Cyrillic, reads as ada"),
        pytest.param("ada@ex\u0430mple.com", 422, id="a Cyrillic letter in the domain"),
    ],
)
def test_a_look_alike_of_an_account_is_refused(
    api: TestClient, look_alike: str, status: int
) -> None:
    assert _register(api, "ada@example.com").status_code == 201
    refused = _register(api, look_alike)
    assert refused.status_code == status, refused.text
    assert _register(api, "bob@example.com").status_code == 201  # others are still welcome


@pytest.mark.parametrize(
    "password",
    ["        ", "password1", "aaaaaaaaaa", "qwertyuiop", "ada@example.com"],
    ids=["blank", "common", "repeated", "keyboard walk", "the address itself"],
)
def test_a_guessable_or_blank_password_is_refused(api: TestClient, password: str) -> None:
    refused = _register(api, "ada@example.com", password)
    assert refused.status_code == 422
    assert "password" in refused.json()["detail"].lower()
    assert password.strip() == "" or password not in refused.text  # never echoed back
