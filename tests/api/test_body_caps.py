"""Request bodies have a cap, refused (413) before they are parsed; errors never quote the input."""

from collections.abc import Callable, Iterator

from fastapi.testclient import TestClient

from tests.api.conftest import PASSWORD, bearer

TEN_MB = 10 * 1024 * 1024
REGISTER = "/api/auth/register"
LOGIN = "/api/auth/login"
JSON = {"content-type": "application/json"}


def chunks(total: int, size: int = 64 * 1024) -> Iterator[bytes]:
    """`total` bytes of a JSON string value in chunks: a body sent without a Content-Length."""
    yield b'{"email": "ada@example.com", "password": "'
    for start in range(0, total, size):
        yield b"z" * min(size, total - start)
    yield b'"}'


def signs_in(api: TestClient, email: str) -> bool:
    """Whether `email` can sign in with the tests' password, i.e. the account exists."""
    return api.post(LOGIN, json={"email": email, "password": PASSWORD}).status_code == 200


def test_a_10_mb_register_body_is_refused_and_creates_no_user(api: TestClient) -> None:
    body = {"email": "ada@example.com", "password": PASSWORD, "junk": "x" * TEN_MB}
    response = api.post(REGISTER, json=body)
    assert response.status_code == 413
    assert response.json() == {"detail": "The request body is larger than 8,192 bytes."}
    assert not signs_in(api, "ada@example.com")


def test_a_10_mb_password_on_login_is_413_and_not_sent_back(api: TestClient, make_user) -> None:
    make_user("ada@example.com")
    response = api.post(LOGIN, json={"email": "ada@example.com", "password": "p" * TEN_MB})
    assert response.status_code == 413
    assert len(response.content) < 100
    assert "ppp" not in response.text


def test_a_password_too_long_under_the_cap_is_422_without_the_password(api: TestClient) -> None:
    password = "Unguessable-" + "q" * 2000
    for route in (LOGIN, REGISTER):
        response = api.post(route, json={"email": "ada@example.com", "password": password})
        assert response.status_code == 422, route
        [error] = response.json()["detail"]
        assert error["loc"] == ["body", "password"]
        assert error["msg"] == "String should have at most 1024 characters"
        assert "qqq" not in response.text
        assert "Unguessable" not in response.text
    assert not signs_in(api, "ada@example.com")


def test_no_field_error_quotes_what_was_sent(api: TestClient, make_user, sign_in) -> None:
    make_user("ada@example.com")
    ada = bearer(sign_in("ada@example.com")["access_token"])
    answers = [
        api.post(REGISTER, json={"email": ["secret-list"], "password": "secret-password-1"}),
        api.post("/api/reviews", json={"code": "secret-code", "language": 7}, headers=ada),
        api.get("/api/reviews?limit=secret-limit", headers=ada),
        api.post(REGISTER, content=b'{"email": "secret-json', headers=JSON),
    ]
    for response in answers:
        assert response.status_code == 422
        assert "secret" not in response.text
        assert all(set(error) == {"type", "loc", "msg"} for error in response.json()["detail"])


def test_a_chunked_body_over_the_cap_is_413(api: TestClient) -> None:
    for total in (9 * 1024, TEN_MB):
        response = api.post(REGISTER, content=chunks(total), headers=JSON)
        assert "content-length" not in response.request.headers
        assert response.status_code == 413
        assert response.json() == {"detail": "The request body is larger than 8,192 bytes."}
    assert not signs_in(api, "ada@example.com")


def test_a_submission_has_room_for_the_largest_code_in_json(
    api: TestClient, make_user, sign_in, set_env: Callable[..., None]
) -> None:
    set_env(MAX_CODE_BYTES="1000", MAX_BODY_BYTES="1024", RATE_LIMIT_SUBMIT="1000/hour")
    make_user("ada@example.com")
    ada = bearer(sign_in("ada@example.com")["access_token"])
    escaped_everywhere = "x=1\n" + "\x01" * 996  # 1,000 bytes, each \x01 sent as \u0001
    accepted = api.post(
        "/api/reviews", json={"language": "python", "code": escaped_everywhere}, headers=ada
    )
    assert len(accepted.request.content) > 6000
    assert accepted.status_code == 202, accepted.text

    too_large = api.post(
        "/api/reviews", json={"language": "python", "code": "#" * 8000}, headers=ada
    )
    assert too_large.status_code == 413
    assert too_large.json() == {"detail": "The request body is larger than 7,024 bytes."}


def test_other_routes_take_a_small_body(api: TestClient) -> None:
    response = api.post("/api/admin/cache/purge", content=b"x" * 70_000)
    assert response.status_code == 413
    assert response.json() == {"detail": "The request body is larger than 65,536 bytes."}
