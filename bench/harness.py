"""What a benchmark runs against: its own Redis db and database, the API, workers, the platform.

`bench_services()` points this process, and every child it starts, at a Redis db number and a
database of the run's own (so benchmarks never touch `make run`'s data or a test run's), with the
rate limits raised out of the way and no LLM (static analysis only).
"""

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

# Platforms started by a benchmark build their frontend here, never in .web or .web-test;
# set before support.platform reads it.
os.environ.setdefault("REVIEW_APP_TEST_WEB_DIR", ".web-bench")

import httpx
import psutil

from review_app.db import engine_for, upgrade_to_head
from review_app.embedded_redis import EmbeddedRedis, free_port
from review_app.processes import (
    celery_worker_command,
    start_process_group,
    stop_process_group,
    wait_for,
)
from review_app.redis_client import get_redis, redis_answers
from review_app.services.rate_limits import Rule
from review_app.settings import get_settings
from review_app.work_queue.heartbeat import WORKER_KEY_PREFIX
from support.platform import RunningPlatform
from support.services import (
    TEST_REDIS_URL,
    claim_redis_db,
    postgres_database,
    release_redis_db,
)

# Every limit far above what a benchmark sends (all its requests come from one user and one IP).
BENCH_SETTINGS = {
    **{f"RATE_LIMIT_{rule.name}": "1000000/minute" for rule in Rule},
    "ACCESS_TOKEN_MINUTES": "240",  # one sign-in lasts the whole run
    "LLM_BASE_URL": "",  # static analysis only: the numbers measure the platform, not a model
}
DATABASES = ("sqlite", "postgresql")
ACCESS_MARK = "bench-access"


@dataclass(frozen=True)
class BenchServices:
    """The Redis, database and environment of one benchmark run."""

    run_dir: Path
    redis_url: str
    database_url: str
    env: dict[str, str]

    def log_path(self, name: str) -> Path:
        """Where a child process started by the benchmark writes its output."""
        return self.run_dir / "logs" / f"{name}.log"


@contextmanager
def bench_services(database: str = "sqlite", **settings: str) -> Iterator[BenchServices]:
    """A Redis db and a migrated database of this run's own, made this process's settings.

    The run's folder (SQLite file, logs) is removed afterwards, or kept when the run fails.
    """
    run_dir = Path(tempfile.mkdtemp(prefix="review_app_bench_"))
    try:
        with ExitStack() as stack:
            redis_url = stack.enter_context(_redis(run_dir))
            database_url = stack.enter_context(_database(database, run_dir))
            env = {
                "DATA_DIR": str(run_dir / "data"),
                "DATABASE_URL": database_url,
                "REDIS_URL": redis_url,
                "PYTHONUNBUFFERED": "1",
                **BENCH_SETTINGS,
                **settings,
            }
            stack.enter_context(process_env(env))
            upgrade_to_head(database_url)
            yield BenchServices(run_dir, redis_url, database_url, dict(os.environ))
    except BaseException:
        print(f"the benchmark failed; its processes' logs are in {run_dir}/logs", file=sys.stderr)
        raise
    shutil.rmtree(run_dir, ignore_errors=True)


@contextmanager
def _redis(run_dir: Path) -> Iterator[str]:
    """A Redis db number claimed on the local Redis, or a private redis-server if none runs."""
    if redis_answers(f"{TEST_REDIS_URL}/0"):
        number = claim_redis_db()
        try:
            yield f"{TEST_REDIS_URL}/{number}"
        finally:
            release_redis_db(number)
        return
    server = EmbeddedRedis(run_dir / "redis")
    try:
        yield server.start()
    finally:
        server.stop()


@contextmanager
def _database(kind: str, run_dir: Path) -> Iterator[str]:
    """A SQLite file under the run's folder, or a throwaway PostgreSQL database."""
    if kind == "sqlite":
        yield f"sqlite:///{run_dir / 'review_app.db'}"
        return
    if kind != "postgresql":
        raise ValueError(f"database must be one of {DATABASES}, not {kind!r}")
    with postgres_database() as url:
        try:
            yield url
        finally:
            engine_for(url).dispose()


@contextmanager
def process_env(variables: dict[str, str]) -> Iterator[None]:
    """Set `variables` in this process (children inherit them); restore them afterwards."""
    saved = dict(os.environ)
    os.environ.update(variables)
    get_settings.cache_clear()
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)
        get_settings.cache_clear()


@dataclass(frozen=True)
class ApiServer:
    """The REST API under granian: its URL, and its log with the access lines when asked."""

    url: str
    log_path: Path
    pid: int

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the server's processes have used so far."""
        return process_tree_cpu_seconds(self.pid)

    def server_seconds(self, method: str, path: str) -> list[float]:
        """How long the server took over each `method path` so far, from its access log."""
        pattern = re.compile(rf"{ACCESS_MARK} {method} {re.escape(path)} \d+ ([\d.]+)")
        text = self.log_path.read_text(errors="replace")
        return [float(duration) / 1000 for duration in pattern.findall(text)]


@contextmanager
def api_server(
    services: BenchServices, workers: int = 1, access_log: bool = False
) -> Iterator[ApiServer]:
    """The REST API alone under granian (as tests/cli runs it), on a free port."""
    port = free_port()
    command = [sys.executable, "-m", "granian", "--interface", "asgi", "--factory"]
    command += ["--workers", str(workers), "--host", "127.0.0.1", "--port", str(port)]
    if access_log:
        fmt = f"{ACCESS_MARK} %(method)s %(path)s %(status)d %(dt_ms).3f"
        command += ["--access-log", "--access-log-fmt", fmt]
    command += ["review_app.api.app:create_api"]
    log_path = services.log_path(f"api-{port}")
    process = start_process_group(command, services.env, log_path)
    server = ApiServer(f"http://127.0.0.1:{port}", log_path, process.pid)
    try:
        wait_for(lambda: _answers(server.url) or process.poll() is not None, 60, "the API")
        if process.poll() is not None:
            raise RuntimeError(f"the API did not start:\n{log_path.read_text()}")
        yield server
    finally:
        stop_process_group(process)


def process_tree(pid: int) -> list[psutil.Process]:
    """A process and all its descendants that are still alive."""
    root = psutil.Process(pid)
    return [root, *root.children(recursive=True)]


def process_tree_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its descendants."""
    total = 0.0
    for process in process_tree(pid):
        with contextlib.suppress(psutil.NoSuchProcess):
            times = process.cpu_times()
            total += times.user + times.system
    return total


def _answers(url: str) -> bool:
    """Whether the API answers at all (/healthz says 503 while no worker runs: that is fine)."""
    try:
        httpx.get(f"{url}/healthz", timeout=1)
    except httpx.HTTPError:
        return False
    return True


@contextmanager
def celery_workers(
    services: BenchServices,
    count: int = 1,
    concurrency: int = 1,
    started: list[subprocess.Popen] | None = None,
) -> Iterator[list[str]]:
    """`count` real Celery worker processes of `concurrency` each; yields their names (and
    appends the processes to `started`, when given, to watch them)."""
    names = [f"bench{index}-{uuid.uuid4().hex[:8]}" for index in range(count)]
    with ExitStack() as stack:
        for name in names:
            command = celery_worker_command(name, concurrency)
            process = start_process_group(command, services.env, services.log_path(name))
            stack.callback(stop_process_group, process)
            if started is not None:
                started.append(process)
        redis = get_redis()
        for name in names:
            wait_for(
                lambda name=name: any(redis.scan_iter(f"{WORKER_KEY_PREFIX}{name}@*")),
                timeout=60,
                what=f"worker {name} to report in",
            )
        yield names


@contextmanager
def running_platform(services: BenchServices, **settings: str) -> Iterator[RunningPlatform]:
    """The whole platform as `make run` starts it, on this run's Redis and database."""
    env = {**services.env, **settings}
    platform = RunningPlatform(data_dir=services.run_dir / "platform", port=free_port(), env=env)
    try:
        yield platform.start()
    finally:
        if platform.process is not None:
            platform.stop()
