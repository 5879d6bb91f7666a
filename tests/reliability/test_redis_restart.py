"""Redis crashes mid-stream and comes back empty: no review the API accepted is lost.

The database is the source of truth: the reviews whose queue messages died with Redis are still
pending there, and the worker's beat queues them again once REVIEW_PENDING_TIMEOUT_SECONDS pass.
"""

import json
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis

from review_app.embedded_redis import EmbeddedRedis, free_port
from review_app.work_queue.task_names import RUN_REVIEW_TASK
from support.llm_server import FakeLLMServer, Reply
from tests.cli.conftest import PASSWORD, UNLIMITED, running_api
from tests.conftest import started_worker
from tests.reliability.conftest import LLM_ANSWER
from tests.reliability.jobs import assert_completed_once, finished_reviews, submit_job

PENDING_TIMEOUT_SECONDS = 5  # a queued review this old is queued again by the sweep
SWEEP_SECONDS = 5
CELERY_QUEUE = "celery"


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

    def fill_queue(self, broker: redis.Redis, at_least: int) -> set[uuid.UUID]:
        """Submit back to back until `at_least` reviews wait in the queue; their ids."""
        for _ in range(20):
            self.submit(1, interval=0)
            if len(waiting := queued_review_ids(broker)) >= at_least:
                return waiting
        raise AssertionError("the worker kept up with 20 submissions back to back")


def queued_review_ids(broker: redis.Redis) -> set[uuid.UUID]:
    """The reviews whose messages wait in the Celery queue (the task id is the review id)."""
    headers = [json.loads(message)["headers"] for message in broker.lrange(CELERY_QUEUE, 0, -1)]
    return {uuid.UUID(header["id"]) for header in headers if header["task"] == RUN_REVIEW_TASK}


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[list[EmbeddedRedis]]:
    """A redis-server of this test's own; restarts append to the list, all stopped at the end."""
    servers = [EmbeddedRedis(tmp_path / "redis-0", free_port())]
    servers[0].start()
    yield servers
    for server in servers:
        server.stop()


def restart_empty(servers: list[EmbeddedRedis], tmp_path: Path) -> None:
    """Start Redis again on the same port with no data, as after a crash without persistence."""
    servers.append(EmbeddedRedis(tmp_path / f"redis-{len(servers)}", servers[0].port))
    servers[-1].start()


def test_no_accepted_review_is_lost_when_redis_crashes_and_comes_back_empty(
    database_url: str, private_redis: list[EmbeddedRedis], set_env, tmp_path: Path
) -> None:
    url = private_redis[0].url
    broker = redis.Redis.from_url(url)
    with FakeLLMServer(default=Reply(LLM_ANSWER, delay_seconds=0.3)) as llm:
        set_env(
            REDIS_URL=url,
            REVIEW_PENDING_TIMEOUT_SECONDS=str(PENDING_TIMEOUT_SECONDS),
            REVIEW_SWEEP_SECONDS=str(SWEEP_SECONDS),
            LLM_BASE_URL=llm.base_url,
            LLM_API_KEY="test-key",
            LLM_MAX_RETRIES="0",
            **UNLIMITED,
        )
        beat_schedule = tmp_path / "celerybeat-schedule"
        with (
            started_worker(broker, concurrency=2, beat_schedule=beat_schedule),
            running_api(dict(os.environ)) as api_url,
            httpx.Client(base_url=api_url, timeout=60) as client,
        ):
            account = {"email": "ada@example.com", "password": PASSWORD}
            assert client.post("/api/auth/register", json=account).status_code == 201
            token = client.post("/api/auth/login", json=account).json()["access_token"]
            stream = Stream(client, {"Authorization": f"Bearer {token}"})

            stream.submit(8, interval=0.2)
            lost = stream.fill_queue(broker, at_least=4)
            crashed_at = time.time()
            private_redis[0].process.kill()  # a crash: nothing is saved
            private_redis[0].process.wait()
            during = stream.submit(3, interval=0.3)
            restart_empty(private_redis, tmp_path)
            after = stream.submit(12, interval=0.2)

            reviews = finished_reviews(stream.accepted.values(), timeout=90)

    assert lost <= set(stream.accepted.values())
    assert [response.status_code for response in during] == [503] * 3
    assert all("Redis" in response.json()["detail"] for response in during)
    assert [response.status_code for response in after] == [202] * 12
    assert_completed_once(reviews)
    requeued = [review for review in lost if reviews[review].queued_at.timestamp() > crashed_at]
    assert len(requeued) >= len(lost) - 2  # the worker's two processes may have taken two
