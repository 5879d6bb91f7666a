"""A project's files go to the workers in batches; a worker process killed mid-batch loses no
file: the batch is delivered again and every file completes once, on its second run."""

import os
import signal
import uuid
from collections.abc import Callable

import psutil
from fastapi.testclient import TestClient
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import Review
from review_app.processes import wait_for
from support.llm_server import FakeLLMServer, Reply, Stall
from tests.api.test_project_reviews import CLEAN, VULNERABLE, create_project, finished, start_review
from tests.conftest import RunningWorker

FILES = {f"app/module_{number}.py": CLEAN + f"\nVERSION = {number}\n" for number in range(5)}


def _file_reviews(project_review_id: str) -> list[Review]:
    with session_scope() as session:
        return list(
            session.exec(
                select(Review).where(Review.project_review_id == uuid.UUID(project_review_id))
            ).all()
        )


def test_a_batch_whose_worker_process_dies_is_run_again_and_every_file_completes_once(
    api: TestClient,
    headers_of,
    llm_env: FakeLLMServer,
    review_answer: Callable[..., str],
    set_env,
    celery_worker_process: RunningWorker,
) -> None:
    llm_env.default = Stall(60)  # the first run waits on the model until it is killed
    set_env(PROJECT_BATCH_FILES="3")
    ada = headers_of("ada@example.com")
    project_id = create_project(api, ada, {**FILES, "app/views.py": VULNERABLE})
    started = start_review(api, ada, project_id)
    assert started["file_count"] == 6  # two batches of three

    wait_for(
        lambda: any(review.stage == "llm" for review in _file_reviews(started["id"])),
        timeout=60,
        what="a batch to reach the model",
    )
    llm_env.default = Reply(review_answer())
    [pool_process] = psutil.Process(celery_worker_process.process.pid).children()
    os.kill(pool_process.pid, signal.SIGKILL)

    detail = finished(api, ada, project_id, started["id"])
    reviews = _file_reviews(started["id"])
    assert {review.status for review in reviews} == {"completed"}
    assert sorted(review.attempts for review in reviews) == [1, 1, 1, 2, 2, 2]
    assert detail["summary"]["by_category"]["security"] >= 1
