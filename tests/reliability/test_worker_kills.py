"""Workers killed with SIGKILL mid-review, on Redis and on RabbitMQ: every review completes once.

A pool process killed: its task is re-queued at once (reject_on_worker_lost). A whole worker
killed: RabbitMQ re-queues its unacked message when the connection drops; Redis hands it out
again once the visibility timeout (hard time limit + 60 s) has passed.
"""

import os
import signal
import threading
import time
import uuid
from collections import Counter

import psutil
import pytest
from fastapi.testclient import TestClient

from review_app.processes import stop_process_group, wait_for
from support.llm_server import Reply, Stall
from support.pubsub import listening
from tests.conftest import started_worker
from tests.reliability.conftest import LLM_ANSWER, on_each_broker
from tests.reliability.jobs import (
    PerJobLLMServer,
    assert_completed_once,
    count_done_events,
    finished_reviews,
    submit_job,
)

STREAM = 36  # submissions, one every SUBMIT_INTERVAL seconds
SUBMIT_INTERVAL = 0.1
# Which jobs lose their worker process, and how often: 20 kills over 18 jobs. REVIEW_MAX_ATTEMPTS
# keeps its default of 3, so a job is killed at most twice and its third run completes.
KILLS = {job: 1 for job in range(0, STREAM, 2)} | {4: 2, 20: 2}
STALL_SECONDS = 60.0  # the killed runs wait on the LLM until they are killed
HARD_TIME_LIMIT = 10  # the least allowed: Redis re-delivers a lost worker's task after 70 s


class PoolKiller(threading.Thread):
    """Kill -9 each pool process of a worker as soon as it waits on a stalled LLM call."""

    def __init__(self, worker_pid: int, llm: PerJobLLMServer) -> None:
        super().__init__(daemon=True)
        self.worker = psutil.Process(worker_pid)
        self.llm = llm
        self.kills = 0
        self.stopping = threading.Event()

    def run(self) -> None:
        """Look at the pool's connections to the LLM every 50 ms until stopped."""
        while not self.stopping.wait(0.05):
            for child in self.worker.children():
                try:
                    connections = child.net_connections("tcp")
                except psutil.Error:
                    continue
                ports = {
                    c.laddr.port for c in connections if c.raddr and c.raddr.port == self.llm.port
                }
                if ports and self.llm.take_stalled(ports):
                    os.kill(child.pid, signal.SIGKILL)
                    self.kills += 1

    def stop(self) -> None:
        """Stop looking, and wait for the thread to end."""
        self.stopping.set()
        self.join(timeout=5)


@on_each_broker()
def test_every_review_completes_once_while_pool_processes_are_killed(
    database_url: str, broker: str, api: TestClient, ada: dict, redis_client, set_env
) -> None:
    answer = Reply(LLM_ANSWER)
    plans = {job: [Stall(STALL_SECONDS)] * kills + [answer] for job, kills in KILLS.items()}
    with PerJobLLMServer(plans, default=answer) as llm:
        set_env(
            LLM_BASE_URL=llm.base_url,
            LLM_API_KEY="test-key",
            LLM_MODEL="fake-model",
            LLM_TIMEOUT_SECONDS=str(STALL_SECONDS * 2),
            LLM_MAX_RETRIES="0",
        )
        events = redis_client.pubsub()
        events.psubscribe("review_app:review:*")
        listening(events)
        with started_worker(redis_client, concurrency=2) as worker:
            killer = PoolKiller(worker.process.pid, llm)
            killer.start()
            try:
                ids = {}
                for job in range(STREAM):
                    response = submit_job(api, ada, job)
                    assert response.status_code == 202, response.text
                    ids[job] = uuid.UUID(response.json()["id"])
                    time.sleep(SUBMIT_INTERVAL)
                reviews = finished_reviews(ids.values(), timeout=120)
            finally:
                killer.stop()
        done = count_done_events(events, ids.values())
        events.close()

    assert killer.kills == sum(KILLS.values()) == 20
    assert_completed_once(reviews)
    runs = {job: 1 + KILLS.get(job, 0) for job in range(STREAM)}
    assert {job: reviews[review_id].attempts for job, review_id in ids.items()} == runs
    assert llm.requests_per_job() == Counter(runs)
    assert {review.llm_state for review in reviews.values()} == {"ok"}
    assert done == Counter({str(review_id): 1 for review_id in ids.values()})


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the broker is the subject
def test_a_review_completes_once_after_its_whole_worker_is_killed(
    database_url: str, broker: str, api: TestClient, ada: dict, redis_client, set_env
) -> None:
    answer = Reply(LLM_ANSWER)
    with PerJobLLMServer({0: [Stall(STALL_SECONDS), answer]}, default=answer) as llm:
        set_env(
            LLM_BASE_URL=llm.base_url,
            LLM_API_KEY="test-key",
            LLM_TIMEOUT_SECONDS=str(STALL_SECONDS * 2),
            LLM_MAX_RETRIES="0",
            TASK_SOFT_TIME_LIMIT=str(HARD_TIME_LIMIT - 1),
            TASK_HARD_TIME_LIMIT=str(HARD_TIME_LIMIT),
        )
        with started_worker(redis_client) as doomed:
            response = submit_job(api, ada, 0)
            assert response.status_code == 202, response.text
            review_id = uuid.UUID(response.json()["id"])
            wait_for(lambda: bool(llm.stalled_ports), timeout=30, what="the review's LLM call")
            stop_process_group(doomed.process, signal.SIGKILL)  # the worker and its pool
        with started_worker(redis_client):
            reviews = finished_reviews([review_id], timeout=HARD_TIME_LIMIT + 60 + 60)

    assert_completed_once(reviews)
    assert reviews[review_id].attempts == 2
    assert llm.requests_per_job() == Counter({0: 2})
