"""Test-wide setup: every run gets its own Redis db number, data dir and databases."""

import os
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from review_app.processes import (
    celery_worker_command,
    start_process_group,
    stop_process_group,
    wait_for,
)
from support.rabbitmq import rabbitmq_vhost
from support.services import (
    TEST_REDIS_URL,
    claim_redis_db,
    postgres_database,
    release_redis_db,
)

RUN_DIR = Path(tempfile.mkdtemp(prefix="review_app_tests_"))


def pytest_configure(config: pytest.Config) -> None:
    """Point the whole process (and every child it starts) at test-only Redis and data."""
    if hasattr(config, "workerinput") or "REVIEW_APP_TEST_REDIS_DB" in os.environ:
        return
    number = claim_redis_db()
    os.environ["REVIEW_APP_TEST_REDIS_DB"] = str(number)
    os.environ["REDIS_URL"] = f"{TEST_REDIS_URL}/{number}"
    os.environ["DATA_DIR"] = str(RUN_DIR / "data")
    os.environ["DATABASE_URL"] = f"sqlite:///{RUN_DIR / 'session.db'}"
    os.environ.pop("LLM_BASE_URL", None)


def pytest_unconfigure(config: pytest.Config) -> None:
    """Give the Redis db number back."""
    if number := os.environ.get("REVIEW_APP_TEST_REDIS_DB"):
        release_redis_db(int(number))


@pytest.fixture(autouse=True)
def fresh_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test reads settings anew, so monkeypatched environment variables apply."""
    from review_app.settings import get_settings

    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.fixture
def set_env(monkeypatch: pytest.MonkeyPatch):
    """Set environment variables for this test and make the settings read them."""
    from review_app.settings import get_settings

    def setter(**variables: str) -> None:
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()

    return setter


@pytest.fixture
def redis_client():
    """The test run's own Redis db, emptied after each test."""
    from review_app.redis_client import get_redis

    client = get_redis()
    yield client
    client.flushdb()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, set_env, tmp_path: Path):
    """A migrated, empty database on SQLite and on PostgreSQL, made the configured one."""
    from review_app.db import upgrade_to_head

    def use(url: str) -> str:
        set_env(DATABASE_URL=url)
        upgrade_to_head(url)
        return url

    if request.param == "sqlite":
        yield use(f"sqlite:///{tmp_path / 'review_app.db'}")
    else:
        with postgres_database() as url:
            yield use(url)
            from review_app.db import engine_for

            engine_for(url).dispose()


@dataclass(frozen=True)
class RunningWorker:
    """A real Celery worker process: its node name and the Popen of its main process."""

    name: str
    process: subprocess.Popen


@contextmanager
def started_worker(
    redis_client, concurrency: int = 1, beat_schedule: Path | None = None
) -> Iterator[RunningWorker]:
    """Start a real Celery worker on the test Redis and stop it on exit.

    It inherits the environment as it is now: set the database and LLM first.
    """
    from review_app.work_queue.heartbeat import WORKER_KEY_PREFIX

    name = f"test-{uuid.uuid4().hex[:8]}"
    log_path = RUN_DIR / "logs" / f"{name}.log"
    command = celery_worker_command(name, concurrency, beat_schedule)
    process = start_process_group(command, dict(os.environ), log_path)
    try:
        wait_for(
            lambda: any(redis_client.scan_iter(f"{WORKER_KEY_PREFIX}{name}@*")),
            timeout=30,
            what=f"worker {name} to report in",
        )
        yield RunningWorker(name, process)
    finally:
        stop_process_group(process)


@pytest.fixture
def celery_worker(redis_client) -> Iterator[str]:
    """A real Celery worker process on the test Redis; yields its name.

    It inherits the environment as it is when the fixture starts: request `database_url`
    before this fixture to give the worker that database.
    """
    with started_worker(redis_client) as worker:
        yield worker.name


@pytest.fixture
def celery_worker_process(redis_client) -> Iterator[RunningWorker]:
    """Like `celery_worker`, for tests that signal the worker's processes themselves."""
    with started_worker(redis_client) as worker:
        yield worker


@pytest.fixture(scope="session")
def rabbitmq_url() -> Iterator[str]:
    """A vhost of this test run's own on the machine's RabbitMQ, deleted at the end."""
    with rabbitmq_vhost() as url:
        yield url


@contextmanager
def use_broker(
    monkeypatch: pytest.MonkeyPatch, url: str, *, empty_after: bool = True
) -> Iterator[None]:
    """Make `url` the queue's broker for this test: the API's Celery app (built anew on it) and
    every worker started from here on; the review queue is emptied afterwards, if asked."""
    from review_app.settings import get_settings
    from review_app.work_queue import celery_app as celery_module

    monkeypatch.setenv("CELERY_BROKER_URL", url)
    get_settings.cache_clear()
    app = celery_module.create_celery_app()
    monkeypatch.setattr(celery_module, "celery_app", app)
    yield
    if empty_after:
        app.control.purge()
    app.close()


@pytest.fixture(params=["redis", "rabbitmq"])
def broker(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The review queue on Redis (this run's db) and on RabbitMQ (this run's vhost); its URL."""
    from review_app.settings import get_settings

    if request.param == "rabbitmq":
        url = request.getfixturevalue("rabbitmq_url")
    else:
        url = get_settings().effective_redis_url
    with use_broker(monkeypatch, url):
        yield url
