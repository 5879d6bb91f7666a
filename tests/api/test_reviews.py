"""Submitting code and reading reviews through the REST API (no worker runs here)."""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from review_app.db import session_scope
from review_app.models import Review
from review_app.services.reviews import runs as review_runs
from tests.api.conftest import bearer

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "review"
DEFECTS = (FIXTURES / "python_defects.py").read_text(encoding="utf-8")
GO_CODE = "package main\n\nfunc main() {}\n"
CELERY_QUEUE = "celery"


@pytest.fixture
def headers_of(api: TestClient, make_user, sign_in, set_env) -> Callable[[str], dict]:
    """Sign a new user in; returns their Authorization header. Submissions are not limited."""
    set_env(RATE_LIMIT_SUBMIT="1000/hour")

    def headers(email: str) -> dict:
        make_user(email)
        return bearer(sign_in(email)["access_token"])

    return headers


def _submit(api: TestClient, headers: dict, **body) -> dict:
    response = api.post("/api/reviews", json=body, headers=headers)
    assert response.status_code == 202, response.text
    return response.json()


def _run_like_a_worker(review_id: str) -> None:
    """What the worker does with a queued review, run here without Celery."""
    attempt = review_runs.start_attempt(uuid.UUID(review_id))
    assert attempt is not None
    assert review_runs.run_attempt(attempt)
    with session_scope() as session:
        result = session.get(Review, uuid.UUID(review_id)).result
    assert (result["tool_errors"], result["llm"]["state"]) == ([], "skipped"), result


def test_a_submission_is_accepted_and_queued(api: TestClient, headers_of, redis_client) -> None:
    ada = headers_of("ada@example.com")
    body = _submit(api, ada, language="python", code=DEFECTS, filename="shop.py")
    assert set(body) == {"id", "status", "cached"}
    assert body["status"] == "pending"
    assert body["cached"] is False
    assert redis_client.llen(CELERY_QUEUE) == 1

    review = api.get(f"/api/reviews/{body['id']}", headers=ada).json()
    assert review["status"] == "pending"
    assert (review["progress"], review["stage"]) == (0, "queued")
    assert review["filename"] == "shop.py"
    assert review["code"] == DEFECTS
    assert review["result"] is None
    assert review["finished_at"] is None


def test_the_file_name_can_pick_the_language(api: TestClient, headers_of) -> None:
    ada = headers_of("ada@example.com")
    body = _submit(api, ada, code=GO_CODE, filename="cmd/main.go")
    assert api.get(f"/api/reviews/{body['id']}", headers=ada).json()["language"] == "go"
    body = _submit(api, ada, language="golang", code=GO_CODE + "\n")
    assert api.get(f"/api/reviews/{body['id']}", headers=ada).json()["language"] == "go"


def test_an_unsupported_language_is_refused_naming_the_supported_ones(
    api: TestClient, headers_of
) -> None:
    ada = headers_of("ada@example.com")
    for body in (
        {"language": "cobol", "code": "DISPLAY 'HI'."},
        {"code": "DISPLAY 'HI'.", "filename": "hello.cob"},
        {"code": "DISPLAY 'HI'."},
    ):
        response = api.post("/api/reviews", json=body, headers=ada)
        assert response.status_code == 422, body
        assert "python, javascript, typescript, go, java" in response.json()["detail"]


def test_empty_binary_and_mistyped_submissions_are_refused(api: TestClient, headers_of) -> None:
    ada = headers_of("ada@example.com")
    cases = {
        "empty": ({"language": "python", "code": "  \n\t"}, "empty"),
        "nul": ({"language": "python", "code": "x = 1\x00"}, "NUL"),
        "control in file name": ({"code": "x = 1", "filename": "a\nb.py"}, "control"),
    }
    for name, (body, words) in cases.items():
        response = api.post("/api/reviews", json=body, headers=ada)
        assert response.status_code == 422, name
        assert words in response.json()["detail"], name
    for body in (
        {"language": "python", "code": 42},
        {"language": ["python"], "code": "x = 1"},
        {"language": "python"},
        {"language": "python", "code": "x = 1", "filename": "f" * 256},
    ):
        assert api.post("/api/reviews", json=body, headers=ada).status_code == 422, body
    assert api.get("/api/reviews", headers=ada).json()["total"] == 0


def test_code_over_the_size_limit_is_413(api: TestClient, headers_of, set_env) -> None:
    set_env(MAX_CODE_BYTES="1000")
    ada = headers_of("ada@example.com")
    assert api.post("/api/reviews", json={"language": "python", "code": "#" * 1000}, headers=ada)
    for code in ("#" * 1001, "# " + "é" * 500):  # the limit counts UTF-8 bytes
        response = api.post("/api/reviews", json={"language": "python", "code": code}, headers=ada)
        assert response.status_code == 413
        assert "the limit is 1,000 bytes" in response.json()["detail"]


def test_every_review_route_needs_a_signed_in_user(api: TestClient) -> None:
    some_id = uuid.uuid4()
    responses = [
        api.post("/api/reviews", json={"language": "python", "code": "x = 1"}),
        api.get("/api/reviews"),
        api.get(f"/api/reviews/{some_id}"),
        api.get("/api/reviews", headers=bearer("not-a-token")),
    ]
    assert [response.status_code for response in responses] == [401] * 4


def test_no_one_sees_another_users_review(api: TestClient, headers_of) -> None:
    ada, bob = headers_of("ada@example.com"), headers_of("bob@example.com")
    review_id = _submit(api, ada, language="python", code=DEFECTS)["id"]
    _run_like_a_worker(review_id)
    assert api.get(f"/api/reviews/{review_id}", headers=ada).status_code == 200  # now cached

    response = api.get(f"/api/reviews/{review_id}", headers=bob)
    assert response.status_code == 404
    assert response.json()["detail"] == "No review with this id."
    assert api.get(f"/api/reviews/{uuid.uuid4()}", headers=ada).status_code == 404
    assert api.get("/api/reviews/not-a-uuid", headers=ada).status_code == 422
    assert api.get("/api/reviews", headers=bob).json() == {
        "items": [],
        "total": 0,
        "limit": 20,
        "offset": 0,
    }


def test_history_filters_and_pages_newest_first(api: TestClient, headers_of) -> None:
    ada = headers_of("ada@example.com")
    python_ids = [_submit(api, ada, language="python", code=f"x = {n}\n")["id"] for n in range(3)]
    go_ids = [_submit(api, ada, language="go", code=f"{GO_CODE}// {n}\n")["id"] for n in range(2)]
    _run_like_a_worker(python_ids[0])

    def ids(**params) -> list[str]:
        response = api.get("/api/reviews", params=params, headers=ada)
        assert response.status_code == 200, response.text
        return [item["id"] for item in response.json()["items"]]

    assert ids() == [*reversed(go_ids), *reversed(python_ids)]
    assert ids(language="go") == list(reversed(go_ids))
    assert ids(language="py", status="completed") == [python_ids[0]]
    assert ids(status="pending", limit=2, offset=1) == [go_ids[0], python_ids[2]]
    page = api.get("/api/reviews", params={"limit": 1000}, headers=ada).json()
    assert (page["total"], page["limit"], len(page["items"])) == (5, 100, 5)
    first = page["items"][-1]
    assert (first["status"], first["score"], first["llm"]) == ("completed", 100, "skipped")


def test_history_searches_file_names_and_dates(api: TestClient, headers_of) -> None:
    ada = headers_of("ada@example.com")
    shop = _submit(api, ada, language="python", code="a = 1\n", filename="src/Shop_cart.py")["id"]
    _submit(api, ada, language="python", code="b = 2\n", filename="src/users.py")
    _submit(api, ada, language="python", code="c = 3\n", filename="src/shop%cart.py")

    def ids(**params) -> list[str]:
        return [
            item["id"]
            for item in api.get("/api/reviews", params=params, headers=ada).json()["items"]
        ]

    assert ids(filename="SHOP_CART") == [shop]
    assert ids(filename="%") != ids()
    assert len(ids(filename="src/")) == 3
    today = datetime.now(UTC).date()
    assert len(ids(date_from=today.isoformat(), date_to=today.isoformat())) == 3
    assert ids(date_to=(today - timedelta(days=1)).isoformat()) == []
    reversed_dates = {
        "date_from": today.isoformat(),
        "date_to": (today - timedelta(days=2)).isoformat(),
    }
    response = api.get("/api/reviews", params=reversed_dates, headers=ada)
    assert response.status_code == 422
    assert "start date is after the end date" in response.json()["detail"]


def test_history_refuses_bad_filters_with_a_message(api: TestClient, headers_of) -> None:
    ada = headers_of("ada@example.com")
    cases = {
        (("limit", 0),): "limit must be at least 1",
        (("limit", -5),): "limit must be at least 1",
        (("offset", -1),): "offset must be 0 or more",
        (("offset", 10**30),): "offset must be at most 1,000,000,000",  # past 64 bits: was a 500
        (("filename", "a\x00b"),): "contains a NUL character",  # PostgreSQL refused it: a 500
        (("status", "done"),): "use one of: pending, running, completed, failed",
        (("language", "cobol"),): "Supported languages: python",
    }
    for params, message in cases.items():
        response = api.get("/api/reviews", params=dict(params), headers=ada)
        assert response.status_code == 422, params
        assert message in response.json()["detail"], params
    assert api.get("/api/reviews", params={"limit": "ten"}, headers=ada).status_code == 422
    last_day = api.get("/api/reviews", params={"date_to": "9999-12-31"}, headers=ada)
    assert last_day.status_code == 200  # the day after it overflowed: a 500


def test_text_that_is_not_unicode_is_refused_and_the_refusal_can_be_written(
    api: TestClient, headers_of
) -> None:
    ada = headers_of("ada@example.com")
    headers = {**ada, "Content-Type": "application/json"}
    for field, body in (
        ("filename", b'{"code": "x = 1", "filename": "\\ud800.py"}'),
        ("language", b'{"code": "x", "language": "py\\udc80"}'),
    ):
        response = api.post("/api/reviews", content=body, headers=headers)
        assert response.status_code == 422  # quoting the input in the answer was a 500
        [error] = response.json()["detail"]
        assert error["loc"] == ["body", field]
        assert "\\ud" not in response.text  # nor is the input quoted now


def test_the_eleventh_submission_in_an_hour_is_refused(
    api: TestClient, make_user, sign_in, set_env
) -> None:
    set_env(RATE_LIMIT_SUBMIT="10/hour")
    make_user("ada@example.com")
    make_user("bob@example.com")
    ada = bearer(sign_in("ada@example.com")["access_token"])
    bob = bearer(sign_in("bob@example.com")["access_token"])
    body = {"language": "python", "code": "x = 1\n"}
    statuses = [api.post("/api/reviews", json=body, headers=ada).status_code for _ in range(11)]
    assert statuses == [202] * 10 + [429]
    refused = api.post("/api/reviews", json=body, headers=ada)
    assert 3500 < int(refused.headers["retry-after"]) <= 3600
    assert api.post("/api/reviews", json=body, headers=bob).status_code == 202


def test_an_identical_submission_is_answered_from_the_cache_without_a_worker(
    api: TestClient, headers_of, redis_client
) -> None:
    ada, bob = headers_of("ada@example.com"), headers_of("bob@example.com")
    original_id = _submit(api, ada, language="python", code=DEFECTS)["id"]
    _run_like_a_worker(original_id)
    original = api.get(f"/api/reviews/{original_id}", headers=ada).json()
    assert original["status"] == "completed"
    rules = {finding["rule"] for finding in original["result"]["findings"]}
    assert rules >= {"python-sql-injection", "B006"}

    queued_before = redis_client.llen(CELERY_QUEUE)
    body = _submit(api, bob, language="python", code=DEFECTS, filename="orders.py")
    assert body["status"] == "completed"
    assert body["cached"] is True
    assert redis_client.llen(CELERY_QUEUE) == queued_before  # nothing for a worker to do

    copy = api.get(f"/api/reviews/{body['id']}", headers=bob).json()
    assert (copy["progress"], copy["stage"], copy["cached"]) == (100, "done", True)
    assert copy["result"] == original["result"]
    assert copy["usage"]["total_tokens"] == 0
    assert copy["filename"] == "orders.py"
    history = api.get("/api/reviews", headers=bob).json()["items"]
    assert [(item["id"], item["cached"]) for item in history] == [(body["id"], True)]


def test_a_result_after_a_code_change_is_not_taken_from_the_cache(
    api: TestClient, headers_of
) -> None:
    ada = headers_of("ada@example.com")
    first = _submit(api, ada, language="python", code=DEFECTS)["id"]
    _run_like_a_worker(first)
    assert _submit(api, ada, language="python", code=DEFECTS + "\n# changed\n")["cached"] is False
    assert _submit(api, ada, language="python", code=DEFECTS)["cached"] is True


def test_a_rule_of_the_pack_has_a_page_in_the_api(api: TestClient) -> None:
    """Every security finding of the pack links to a page: why, a bad and a good example, fix."""
    page = api.get("/api/rules/python-sql-injection")
    assert page.status_code == 200
    body = page.json()
    assert (body["cwe"], body["severity"], body["category"]) == (89, "high", "security")
    assert all(body[part] for part in ("why", "how_to_fix", "bad", "good"))
    assert api.get("/api/rules/no-such-rule").status_code == 404
