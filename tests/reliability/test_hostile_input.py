"""Hostile input through the REST API: a clear 4xx and nothing stored, or handled whole.

Never a 5xx, never a half-stored review, never another user's data.
"""

import json
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlmodel import func, select

from review_app.db import session_scope
from review_app.models import Review, ReviewFinding
from review_app.services.reviews import runs as review_runs
from tests.api.conftest import bearer

CELERY_QUEUE = "celery"
HTML_NAME = "<img src=x onerror=alert(1)>.js"
HTML_CODE = '<script>alert("owned")</script>\nconst x = "</textarea><svg onload=alert(2)>";\n'


@pytest.fixture
def client(api: TestClient) -> TestClient:
    """The API answering server errors as 500s, the way a caller would see them."""
    return TestClient(api.app, raise_server_exceptions=False)


@pytest.fixture
def bob(api: TestClient, make_user, sign_in, set_env) -> dict:
    """Another user with two reviews of his own."""
    set_env(RATE_LIMIT_SUBMIT="10000/hour")
    make_user("bob@example.com")
    headers = bearer(sign_in("bob@example.com")["access_token"])
    for name in ("secret.py", "admin_passwords.py"):
        body = {"language": "python", "code": f"TOKEN = '{name}'\n", "filename": name}
        assert api.post("/api/reviews", json=body, headers=headers).status_code == 202
    return headers


def stored() -> tuple[int, int]:
    """Reviews and finding rows in the database."""
    with session_scope() as session:
        reviews = session.exec(select(func.count()).select_from(Review)).one()
        findings = session.exec(select(func.count()).select_from(ReviewFinding)).one()
    return reviews, findings


def post_raw(client: TestClient, headers: dict, body: bytes):
    """POST a body as it is, however broken."""
    headers = {**headers, "Content-Type": "application/json"}
    return client.post("/api/reviews", content=body, headers=headers)


REFUSED_SUBMISSIONS: dict[str, tuple[bytes, int, str]] = {
    "1 MB of code": (
        json.dumps({"language": "python", "code": "x = 1\n" * 175_000}).encode(),
        413,
        "The code is 1,050,000 bytes; the limit is 200,000 bytes.",
    ),
    "NUL bytes": (
        json.dumps({"language": "python", "code": "x = 1\n\x00\x00\n"}).encode(),
        422,
        "it contains NUL bytes",
    ),
    "a lone surrogate in the code": (
        b'{"language": "python", "code": "x = 1  # \\udc80\\n"}',
        422,
        "The code is not valid UTF-8 (first bad byte at offset 9)",
    ),
    "a lone surrogate in the file name": (
        b'{"code": "x = 1\\n", "filename": "\\ud800.py"}',
        422,
        "unable to parse raw data as a unicode string",
    ),
    "bytes that are not UTF-8": (
        b'{"language": "python", "code": "x = \xff\xfe\\n"}',
        400,
        "There was an error parsing the body",
    ),
    "control characters in the file name": (
        json.dumps({"code": "x = 1\n", "filename": "a\u001b[31m.py"}).encode(),
        422,
        "The file name contains control characters.",
    ),
}


def test_hostile_submissions_are_refused_clearly_and_nothing_is_stored(
    client: TestClient, ada: dict, redis_client
) -> None:
    for case, (body, status, message) in REFUSED_SUBMISSIONS.items():
        response = post_raw(client, ada, body)
        assert response.status_code == status, (case, response.text)
        assert message in response.text, case
        assert stored() == (0, 0), case
        assert redis_client.llen(CELERY_QUEUE) == 0, case


def run_like_a_worker(review_id: str) -> dict:
    """What the worker does with a queued review, here without Celery; the stored result."""
    attempt = review_runs.start_attempt(uuid.UUID(review_id))
    assert review_runs.run_attempt(attempt)
    with session_scope() as session:
        return session.get(Review, uuid.UUID(review_id)).result


def test_a_ten_thousand_character_line_is_reviewed_whole(client: TestClient, ada: dict) -> None:
    code = f"values = [{', '.join(['1'] * 3333)}]\n"
    assert len(code.splitlines()[0]) > 10_000
    response = client.post("/api/reviews", json={"language": "python", "code": code}, headers=ada)
    assert response.status_code == 202
    result = run_like_a_worker(response.json()["id"])
    assert result["tool_errors"] == []
    assert "E501" in {finding["rule"] for finding in result["findings"]}  # line too long
    review = client.get(f"/api/reviews/{response.json()['id']}", headers=ada).json()
    assert (review["status"], review["code"]) == ("completed", code)


def test_html_in_code_and_file_names_comes_back_as_the_same_text(
    client: TestClient, ada: dict
) -> None:
    body = {"code": HTML_CODE, "filename": HTML_NAME}
    response = client.post("/api/reviews", json=body, headers=ada)
    assert response.status_code == 202
    review = client.get(f"/api/reviews/{response.json()['id']}", headers=ada)
    assert review.headers["content-type"] == "application/json"
    assert (review.json()["code"], review.json()["filename"]) == (HTML_CODE, HTML_NAME)
    history = client.get("/api/reviews", params={"filename": "<img"}, headers=ada).json()
    assert [item["filename"] for item in history["items"]] == [HTML_NAME]


SQL_INJECTIONS = [
    "' OR '1'='1",
    "%' OR 1=1 --",
    "'; DROP TABLE reviews; --",
    '" OR ""="',
    "%",
    "_",
    "\\",
    "secret.py' UNION SELECT id, user_id FROM reviews --",
]


def test_sql_in_the_history_filters_finds_nothing_and_shows_no_one_elses_reviews(
    client: TestClient, ada: dict, bob: dict
) -> None:
    body = {"language": "python", "code": "x = 1\n", "filename": "shop.py"}
    assert client.post("/api/reviews", json=body, headers=ada).status_code == 202
    before = stored()
    for injection in SQL_INJECTIONS:
        page = client.get("/api/reviews", params={"filename": injection}, headers=ada)
        assert page.status_code == 200, injection
        assert (page.json()["items"], page.json()["total"]) == ([], 0), injection
        for name, words in (("language", "is not supported"), ("status", "is not a status")):
            refused = client.get("/api/reviews", params={name: injection}, headers=ada)
            assert refused.status_code == 422, (name, injection)
            assert words in refused.text or "should have at most" in refused.text, injection
            assert injection not in refused.text  # never echoed
    everything = client.get("/api/reviews", params={"filename": ".py"}, headers=ada).json()
    assert [item["filename"] for item in everything["items"]] == ["shop.py"]
    assert stored() == before  # no table dropped, nothing written


PAGING: dict[str, tuple[dict, int, str]] = {
    "negative limit": ({"limit": -1}, 422, "limit must be at least 1."),
    "negative offset": ({"offset": -10}, 422, "offset must be 0 or more."),
    "offset past 64 bits": ({"offset": 10**30}, 422, "offset must be at most 1,000,000,000."),
    "offset past the maximum": ({"offset": 10**9 + 1}, 422, "offset must be at most"),
    "limit past 64 bits": ({"limit": 10**30}, 200, ""),
    "a fraction": ({"limit": "1.5"}, 422, "unable to parse string as an integer"),
    "a NUL in the file name": ({"filename": "a\x00b"}, 422, "contains a NUL character"),
    "the last day there is": ({"date_to": "9999-12-31"}, 200, ""),
}


def test_negative_huge_and_odd_history_queries_get_a_clear_answer(
    client: TestClient, ada: dict
) -> None:
    for case, (params, status, message) in PAGING.items():
        response = client.get("/api/reviews", params=params, headers=ada)
        assert response.status_code == status, (case, response.text)
        assert message in response.text, case
        if status == 200:
            assert response.json()["limit"] <= 100, case
