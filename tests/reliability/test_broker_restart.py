"""The broker crashes mid-stream and comes back: no review the API accepted is lost.

On Redis (which is also the cache and the rate limits) the queue dies with it: the database is
the source of truth, and the worker's beat queues the lost reviews again once
REVIEW_PENDING_TIMEOUT_SECONDS pass. On RabbitMQ the quorum queue keeps every confirmed message
across the crash, so nothing needs queueing again: the sweeper is kept out of reach to prove it.
"""

import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import Review, ReviewStatus
from review_app.redis_client import get_redis
from review_app.work_queue.depth import waiting_messages
from support.llm_server import FakeLLMServer, Reply
from tests.cli.conftest import PASSWORD, UNLIMITED, running_api
from tests.conftest import started_worker, use_broker
from tests.reliability.conftest import LLM_ANSWER, on_each_broker
from tests.reliability.jobs import assert_completed_once, finished_reviews, submit_job
from tests.reliability.outages import Outage, RabbitMQOutage, RedisOutage

PENDING_TIMEOUT_SECONDS = 5  # Redis: a queued review this old is queued again by the sweep
SWEEP_SECONDS = 5


class Stream:
    """One user submitting jobs through the API, keeping the ids of those accepted (202)."""

    def __init__(self, client: httpx.Client, headers: dict[str, str]) -> None:
        self.client, self.headers = client, headers
        self.accepted: dict[int, uuid.UUID] = {}
        self.next_job = 0

    def submit(self, count: int, interval: float) -> list[httpx.Response]:
        """Submit `count` more jobs, `interval` seconds apart; their responses."""
        responses = []
        for _ in range(count):
            response = submit_job(self.client, self.headers, self.next_job)
            if response.status_code == 202:
                self.accepted[self.next_job] = uuid.UUID(response.json()["id"])
            responses.append(response)
            self.next_job += 1
            time.sleep(interval)
        return responses

    def fill_queue(self, at_least: int) -> set[uuid.UUID]:
        """Submit back to back until `at_least` messages wait in the broker; the reviews
        accepted and not yet started."""
        for _ in range(20):
            self.submit(1, interval=0)
            if waiting_messages() >= at_least:
                return self.still_pending()
        raise AssertionError("the worker kept up with 20 submissions back to back")

    def still_pending(self) -> set[uuid.UUID]:
        """The accepted reviews no worker has started."""
        with session_scope() as session:
            rows = session.exec(
                select(Review.id).where(
                    Review.id.in_(list(self.accepted.values())),
                    Review.status == ReviewStatus.PENDING,
                )
            ).all()
        return set(rows)


OUTAGES = {"redis": RedisOutage, "rabbitmq": RabbitMQOutage}


@pytest.fixture
def outage(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Outage]:
    """A broker of this test's own, made the platform's, that the test crashes."""
    broker = OUTAGES[request.param](tmp_path)
    broker.start()
    try:
        for name, value in broker.env.items():
            monkeypatch.setenv(name, value)
        with use_broker(monkeypatch, broker.url):
            yield broker
    finally:
        broker.stop()


@on_each_broker("outage")
@pytest.mark.usefixtures("redis_client")  # the run's Redis, emptied after (RabbitMQ's case)
def test_no_accepted_review_is_lost_when_the_broker_crashes_and_comes_back(
    database_url: str, outage: Outage, set_env, tmp_path: Path
) -> None:
    with FakeLLMServer(default=Reply(LLM_ANSWER, delay_seconds=0.3)) as llm:
        if not outage.keeps_messages:
            set_env(REVIEW_PENDING_TIMEOUT_SECONDS=str(PENDING_TIMEOUT_SECONDS))
        set_env(
            REVIEW_SWEEP_SECONDS=str(SWEEP_SECONDS),
            LLM_BASE_URL=llm.base_url,
            LLM_API_KEY="test-key",
            LLM_MAX_RETRIES="0",
            **UNLIMITED,
        )
        beat_schedule = tmp_path / "celerybeat-schedule"
        with (
            started_worker(get_redis(), concurrency=2, beat_schedule=beat_schedule),
            running_api(dict(os.environ)) as api_url,
            httpx.Client(base_url=api_url, timeout=60) as client,
        ):
            account = {"email": "ada@example.com", "password": PASSWORD}
            assert client.post("/api/auth/register", json=account).status_code == 201
            token = client.post("/api/auth/login", json=account).json()["access_token"]
            stream = Stream(client, {"Authorization": f"Bearer {token}"})

            stream.submit(8, interval=0.2)
            waiting = stream.fill_queue(at_least=4)
            crashed_at = time.time()
            outage.crash()
            during = stream.submit(3, interval=0.3)
            outage.come_back()
            after = stream.submit(12, interval=0.2)

            reviews = finished_reviews(stream.accepted.values(), timeout=90)

    assert len(waiting) >= 2
    assert [response.status_code for response in during] == [503] * 3
    assert all(outage.down_detail in response.json()["detail"] for response in during)
    assert [response.status_code for response in after] == [202] * 12
    assert_completed_once(reviews)
    requeued = [review for review in waiting if reviews[review].queued_at.timestamp() > crashed_at]
    if outage.keeps_messages:
        assert requeued == []  # the broker kept them: none waited for the sweeper
    else:
        assert len(requeued) >= len(waiting) - 2  # the worker's two processes may have taken two
