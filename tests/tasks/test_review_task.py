"""A real worker reviews submitted code, reports each stage, and survives being killed."""

import os
import signal
import uuid
from collections.abc import Callable
from pathlib import Path

import psutil
from fastapi.testclient import TestClient
from sqlmodel import func, select

from review_app.db import session_scope
from review_app.models import Review, ReviewFinding
from review_app.processes import wait_for
from review_app.services.live_channel import user_channel
from review_app.tasks.review_task import run_review_task
from review_app.work_queue.celery_app import celery_app
from review_app.work_queue.task_names import SWEEP_TASK
from support.llm_server import FakeLLMServer, HTTPError, Reply, Stall
from support.pubsub import listening, read_events
from tests.api.conftest import bearer
from tests.conftest import RunningWorker

DEFECTS = (
    Path(__file__).resolve().parents[1] / "fixtures" / "review" / "python_defects.py"
).read_text()
LLM_FINDING = {
    "title": "Default list shared between calls",
    "severity": "high",
    "category": "bug",
    "line": 11,
}


def _sign_in(make_user, sign_in, email: str = "ada@example.com") -> dict:
    make_user(email)
    return bearer(sign_in(email)["access_token"])


def _submit(api: TestClient, headers: dict, code: str = DEFECTS) -> str:
    response = api.post("/api/reviews", json={"language": "python", "code": code}, headers=headers)
    assert response.status_code == 202, response.text
    return response.json()["id"]


def _finished(api: TestClient, headers: dict, review_id: str, timeout: float = 30) -> dict:
    """Poll the API until the review is completed or failed, as a client would."""
    review: dict = {}

    def finished() -> bool:
        review.update(api.get(f"/api/reviews/{review_id}", headers=headers).json())
        return review["status"] in ("completed", "failed")

    wait_for(finished, timeout=timeout, what=f"review {review_id} to finish")
    return review


def test_a_worker_reviews_the_code_and_publishes_every_stage(
    api: TestClient,
    make_user,
    sign_in,
    llm_env: FakeLLMServer,
    review_answer: Callable[..., str],
    redis_client,
    celery_worker: str,
) -> None:
    llm_env.default = Reply(review_answer([LLM_FINDING]))
    ada = _sign_in(make_user, sign_in)
    me = uuid.UUID(api.get("/api/users/me", headers=ada).json()["id"])
    review_events, user_events = redis_client.pubsub(), redis_client.pubsub()
    review_events.psubscribe("review_app:review:*")
    user_events.subscribe(user_channel(me))
    listening(review_events, user_events)

    review_id = _submit(api, ada)
    finished = lambda event: event["stage"] in ("done", "failed")  # noqa: E731
    on_review = read_events(review_events, until=finished)
    assert [(event["stage"], event["progress"]) for _, event in on_review] == [
        ("queued", 0),
        ("static_analysis", 10),
        ("llm", 50),
        ("merging", 90),
        ("done", 100),
    ]
    assert {channel for channel, _ in on_review} == {f"review_app:review:{review_id}"}
    assert [event for _, event in read_events(user_events, until=finished)] == [
        event for _, event in on_review
    ]

    review = _finished(api, ada, review_id)
    assert (review["status"], review["progress"], review["stage"]) == ("completed", 100, "done")
    assert review["llm"] == "ok"
    assert review["usage"] == {"prompt_tokens": 120, "completion_tokens": 80, "total_tokens": 200}
    findings = review["result"]["findings"]
    assert ("python-sql-injection", 8) in {
        (finding["rule"], finding["line"]) for finding in findings
    }
    confirmed = [finding for finding in findings if finding["rule"] == "B006"]
    assert "llm" in confirmed[0]["sources"]  # the LLM's finding merged into the linter's
    assert review["score"] == review["result"]["score"] < 100


def test_with_the_llm_failing_the_review_completes_from_static_analysis(
    api: TestClient, make_user, sign_in, llm_env: FakeLLMServer, celery_worker: str
) -> None:
    llm_env.default = HTTPError(500, "model overloaded")
    ada = _sign_in(make_user, sign_in)
    review = _finished(api, ada, _submit(api, ada))

    assert review["status"] == "completed"
    assert review["llm"] == "unavailable"
    assert review["llm_reason"] == "LLM server error (HTTP 500) after 1 attempt"
    assert "python-sql-injection" in {finding["rule"] for finding in review["result"]["findings"]}
    again = api.post("/api/reviews", json={"language": "python", "code": DEFECTS}, headers=ada)
    assert again.json()["cached"] is False  # the next submission gives the LLM another chance


def test_a_review_whose_worker_is_killed_completes_once_on_another(
    api: TestClient,
    make_user,
    sign_in,
    llm_env: FakeLLMServer,
    review_answer: Callable[..., str],
    redis_client,
    celery_worker_process: RunningWorker,
) -> None:
    llm_env.script(Stall(30), Reply(review_answer([LLM_FINDING])))
    ada = _sign_in(make_user, sign_in)
    events = redis_client.pubsub()
    events.psubscribe("review_app:review:*")
    listening(events)
    review_id = _submit(api, ada)

    wait_for(lambda: len(llm_env.chat_requests) == 1, timeout=30, what="the LLM call")
    [pool_child] = psutil.Process(celery_worker_process.process.pid).children()
    os.kill(pool_child.pid, signal.SIGKILL)

    review = _finished(api, ada, review_id, timeout=60)
    assert (review["status"], review["llm"]) == ("completed", "ok")
    assert len(llm_env.chat_requests) == 2
    finished = read_events(events, until=lambda event: event["stage"] == "done")
    assert [event["stage"] for _, event in finished].count("done") == 1
    with session_scope() as session:
        assert session.get(Review, uuid.UUID(review_id)).attempts == 2
        rows = session.exec(
            select(func.count()).where(ReviewFinding.review_id == uuid.UUID(review_id))
        ).one()
    assert rows == len(review["result"]["findings"])
    events.close()


def test_retries_back_off_well_within_the_visibility_timeout() -> None:
    visibility = celery_app.conf.broker_transport_options["visibility_timeout"]
    assert run_review_task.acks_late
    assert run_review_task.reject_on_worker_lost
    assert run_review_task.retry_backoff_max * 2 < visibility
    assert celery_app.conf.beat_schedule["sweep-stuck-reviews"]["task"] == SWEEP_TASK
