"""Every answer names its request id (X-Request-ID): a client's own when it is a short safe
token, else a new one; a submitted review keeps it, and its queued message carries it."""

import json
import re
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import Review
from tests.api.conftest import bearer
from tests.api.test_project_reviews import create_project

NEW_ID = re.compile(r"[0-9a-f]{32}")
CELERY_QUEUE = "celery"
HOSTILE_IDS = [
    "x" * 65,  # too long
    'abc"def',  # a quote
    "abc\r\nSet-Cookie: session=stolen",  # a header injected
    "abc def",  # a space
    "",  # empty
    "ünïcode",
]


def test_every_answer_carries_a_new_request_id(api: TestClient) -> None:
    first, second = api.get("/healthz"), api.get("/api/nothing-here")

    ids = [first.headers["X-Request-ID"], second.headers["X-Request-ID"]]
    assert second.status_code == 404  # refusals too
    assert all(NEW_ID.fullmatch(request_id) for request_id in ids)
    assert ids[0] != ids[1]


def test_a_clients_safe_request_id_is_answered_back(api: TestClient) -> None:
    answer = api.get("/healthz", headers={"X-Request-ID": "ci-run_42.step-7"})

    assert answer.headers["X-Request-ID"] == "ci-run_42.step-7"


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
def test_a_hostile_request_id_is_replaced(api: TestClient, hostile: str) -> None:
    answer = api.get("/healthz", headers=[(b"X-Request-ID", hostile.encode())])

    assert NEW_ID.fullmatch(answer.headers["X-Request-ID"])
    assert "set-cookie" not in answer.headers


def test_a_submitted_review_keeps_the_request_id_and_its_message_carries_it(
    api: TestClient, make_user, sign_in, set_env, redis_client
) -> None:
    set_env(RATE_LIMIT_SUBMIT="1000/hour")
    make_user("ada@example.com")
    ada = bearer(sign_in("ada@example.com")["access_token"])
    body = {"language": "python", "code": "print('hello')\n"}

    answer = api.post("/api/reviews", json=body, headers={**ada, "X-Request-ID": "ada-1"})

    assert answer.status_code == 202, answer.text
    assert answer.headers["X-Request-ID"] == "ada-1"
    with session_scope() as session:
        assert session.get(Review, uuid.UUID(answer.json()["id"])).request_id == "ada-1"
    (message,) = [json.loads(raw) for raw in redis_client.lrange(CELERY_QUEUE, 0, -1)]
    assert message["headers"]["id"] == answer.json()["id"]
    assert message["headers"]["review_app_request_id"] == "ada-1"


def test_each_file_review_of_a_project_review_keeps_its_request_id(
    api: TestClient, headers_of, set_env, redis_client
) -> None:
    set_env(PROJECT_BATCH_FILES="1")  # a message per file
    ada = headers_of("ada@example.com")
    files = {"a.py": "print('a')\n", "b.py": "print('b')\n", "c.go": "package main\n"}
    project_id = create_project(api, ada, files)

    answer = api.post(
        f"/api/projects/{project_id}/reviews", headers={**ada, "X-Request-ID": "ada-project-2"}
    )

    assert answer.status_code == 202, answer.text
    with session_scope() as session:
        reviews = session.exec(select(Review).where(Review.project_review_id.is_not(None))).all()
    assert [review.request_id for review in reviews] == ["ada-project-2"] * 3
    messages = [json.loads(raw) for raw in redis_client.lrange(CELERY_QUEUE, 0, -1)]
    assert [message["headers"]["review_app_request_id"] for message in messages] == [
        "ada-project-2"
    ] * 3
