"""`make run`: start Redis if needed, migrate, start the worker and web app; Ctrl-C stops all.

A host of a cluster runs one role of it (`python -m review_app web` or `worker`): the same
platform with only that part.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import structlog

from review_app.db import upgrade_to_head
from review_app.embedded_redis import EmbeddedRedis
from review_app.logging_setup import configure_logging
from review_app.processes import (
    celery_worker_command,
    log_tail,
    start_process_group,
    stop_process_group,
)
from review_app.redis_client import redis_answers
from review_app.services.metrics import MULTIPROCESS_DIR
from review_app.settings import Settings, get_settings

READY_TIMEOUT_SECONDS = 600  # the first start installs the frontend's npm packages
logger = structlog.get_logger(__name__)


@dataclass
class Child:
    """A process group the launcher started, with its log file."""

    name: str
    process: subprocess.Popen[bytes]
    log_path: Path
    log_start: int = 0  # the log's size when it started (logs are appended to)

    def stop(self) -> None:
        """SIGTERM the whole group, then SIGKILL what is left after a grace period."""
        stop_process_group(self.process)

    def log_tail(self) -> str:
        """The end of this child's log, for an error message."""
        return log_tail(self.log_path)

    def log_since_start(self) -> str:
        """What this child has logged since it started."""
        with self.log_path.open("rb") as log:
            log.seek(self.log_start)
            return log.read().decode(errors="replace")


@dataclass(frozen=True)
class Roles:
    """What one host runs: `make run` runs everything, a cluster's host one part."""

    name: str = "review_app"  # said when ready; the Celery node's name (`name@host`)
    own_redis: bool = True  # with REDIS_URL unset and no local Redis: start a private one
    migrate: bool = True
    worker: bool = True
    beat: bool = True  # the sweeper's schedule: exactly one host of a cluster runs it
    web: bool = True
    build_frontend: bool = True  # False: serve the build already in REFLEX_WEB_WORKDIR


WEB_ROLE = Roles(name="web", own_redis=False, migrate=False, worker=False, beat=False)
WORKER_ROLE = Roles(name="worker", own_redis=False, migrate=False, web=False, beat=False)


@dataclass
class Platform:
    """Every process of a running review_app (of one host's roles)."""

    settings: Settings
    roles: Roles = field(default_factory=Roles)
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    children: list[Child] = field(default_factory=list)
    redis: EmbeddedRedis | None = None

    @property
    def url(self) -> str:
        """Where a person opens the app."""
        return f"http://localhost:{self.settings.port}"

    def start(self) -> None:
        """Bring this host's parts up in dependency order and wait until they are ready."""
        roles = self.roles
        if roles.own_redis:
            self.ensure_redis()
        if self.settings.broker_is_rabbitmq:
            queue = without_password(self.settings.effective_broker_url)
            logger.info(f"the review queue is on RabbitMQ at {queue}")
        if roles.migrate:
            logger.info("migrating the database to the newest schema")
            upgrade_to_head(self.settings.effective_database_url)
        self.env.update(child_environment(self.settings))
        if roles.worker:
            self.spawn("worker", worker_command(self.settings, roles.name, beat=roles.beat))
        if roles.web:
            logger.info("starting the web app (a first start installs npm packages: minutes)")
            self.spawn("web", web_command(self.settings, build=roles.build_frontend))
            self.wait_until_healthy(answering_is_enough=not roles.worker)
        else:
            self.wait_until_worker_ready()

    def ensure_redis(self) -> None:
        """Use REDIS_URL when set; else a local Redis; else start a private one."""
        url = self.settings.effective_redis_url
        if self.settings.redis_url or redis_answers(url):
            logger.info(f"using Redis at {without_password(url)}")
            return
        password = self.settings.private_redis_password()
        self.redis = EmbeddedRedis(self.settings.data_dir / "redis", password=password)
        self.env["REDIS_URL"] = self.redis.start()
        logger.info(
            f"nothing answers at {url}: started a private Redis at {self.redis.address} "
            "(password in data/redis_password)"
        )

    def spawn(self, name: str, command: list[str]) -> None:
        """Start `command` in its own process group, logging under data/logs/, its processes
        sharing their metrics in data/metrics/<name>/ (emptied first)."""
        log_path = self.settings.data_dir / "logs" / f"{name}.log"
        metrics_dir = self.settings.data_dir / "metrics" / name
        shutil.rmtree(metrics_dir, ignore_errors=True)
        metrics_dir.mkdir(parents=True)
        env = {**self.env, MULTIPROCESS_DIR: str(metrics_dir)}
        log_start = log_path.stat().st_size if log_path.exists() else 0
        process = start_process_group(command, env, log_path)
        self.children.append(Child(name, process, log_path, log_start))
        logger.info(f"started {name} (pid {process.pid}), log: {log_path}")

    def wait_until_healthy(self, *, answering_is_enough: bool = False) -> None:
        """Poll /healthz until it answers ok (a web host without workers of its own: until it
        answers at all); fail with a child's log if one dies first."""
        accepted = {200, 503} if answering_is_enough else {200}

        def answers() -> bool:
            try:
                return httpx.get(f"{self.url}/healthz", timeout=2).status_code in accepted
            except httpx.HTTPError:
                return False

        self.wait_until(answers, "become healthy")

    def wait_until_worker_ready(self) -> None:
        """Wait until Celery says the worker is ready to take tasks."""
        worker = self.children[-1]
        self.wait_until(lambda: " ready." in worker.log_since_start(), "take tasks")

    def wait_until(self, condition: Callable[[], bool], what: str) -> None:
        """Poll `condition` each second; fail if a child dies first or it takes too long."""
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            self.raise_if_a_child_died()
            if condition():
                return
            time.sleep(1)
        raise RuntimeError(f"review_app did not {what} in {READY_TIMEOUT_SECONDS} s")

    def raise_if_a_child_died(self) -> None:
        """Stop waiting as soon as a child has exited: the platform cannot work without it."""
        for child in self.children:
            if child.process.poll() is not None:
                raise RuntimeError(
                    f"{child.name} exited with code {child.process.returncode}:\n{child.log_tail()}"
                )

    def wait(self) -> None:
        """Block until a child dies (an error) or a signal asks the launcher to stop."""
        while True:
            self.raise_if_a_child_died()
            time.sleep(1)

    def stop(self) -> None:
        """Stop everything started, the web app first, Redis last."""
        for child in reversed(self.children):
            child.stop()
            logger.info(f"stopped {child.name}")
        if self.redis:
            self.redis.stop()
            logger.info("stopped the private Redis")


def child_environment(settings: Settings) -> dict[str, str]:
    """What the children need: Node from the virtualenv, npm instead of bun, no telemetry."""
    venv_bin = str(Path(sys.executable).parent)
    return {
        "PATH": os.pathsep.join([venv_bin, os.environ.get("PATH", "")]),
        "REFLEX_USE_NPM": "1",
        "REFLEX_TELEMETRY_ENABLED": "false",
        "GRANIAN_WORKERS": str(settings.web_workers),
        "PYTHONUNBUFFERED": "1",
        # Reflex makes every line of the web app's output a JSON record (as json_output does
        # for the worker's).
        "REFLEX_LOG_JSON": "true" if children_write_json(settings) else "false",
    }


def children_write_json(settings: Settings) -> bool:
    """The children write to files, never a terminal: JSON lines unless console is asked for."""
    return settings.log_format != "console"


def worker_command(settings: Settings, name: str, *, beat: bool) -> list[str]:
    """One Celery worker of `worker_concurrency` processes; with `beat`, the sweeper's too;
    whatever it prints past logging (a shutdown notice) made a JSON record too."""
    schedule = settings.data_dir / "celerybeat-schedule" if beat else None
    command = celery_worker_command(name, settings.worker_concurrency, beat_schedule=schedule)
    if children_write_json(settings):
        return [sys.executable, "-m", "review_app.json_output", "worker", *command]
    return command


def web_command(settings: Settings, *, build: bool) -> list[str]:
    """Reflex in production mode, page, websocket and REST API on one port; without `build`,
    the frontend already built in the web workdir is served (see `serve_built_frontend`)."""
    if not build:
        # Not `-m review_app`: Reflex would then look for the app below review_app/ itself.
        return [sys.executable, "-c", "from review_app.launcher import serve_built; serve_built()"]
    return [
        sys.executable,
        "-m",
        "reflex",
        "run",
        "--env=prod",
        "--single-port",
        f"--backend-port={settings.port}",
        f"--backend-host={settings.host}",
    ]


def serve_built() -> None:
    """What `reflex run --env=prod --single-port` does once it has built the frontend: serve the
    backend with the build mounted. A second web host on the same machine skips the build."""
    from reflex.utils import exec as reflex_exec
    from reflex_base import constants
    from reflex_base.environment import environment
    from reflex_base.utils.log import enable_managed_logging

    settings = get_settings()
    enable_managed_logging()  # as the reflex CLI does: rxconfig then sets up our log format
    environment.REFLEX_ENV_MODE.set(constants.Env.PROD)
    environment.REFLEX_SKIP_COMPILE.set(True)
    reflex_exec.run_backend_prod(
        settings.host, settings.port, constants.LogLevel.WARNING, mount_frontend_compiled_app=True
    )


def without_password(url: str) -> str:
    """A URL fit for a log line: its password, if any, shown as **."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":**@", 1)).geturl()


def _interrupt(_signum: int, _frame: object) -> None:
    """Ctrl-C and SIGTERM both stop every child (even when started with SIGINT ignored)."""
    raise KeyboardInterrupt


def run_platform(settings: Settings, roles: Roles | None = None) -> int:
    """Run `roles` (everything by default) until Ctrl-C (or SIGTERM); returns the exit code."""
    roles = roles or Roles()
    configure_logging(settings)
    platform = Platform(settings, roles)
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        platform.start()
        where = f": open {platform.url}" if roles.web else ""
        logger.info(f"{roles.name} is running{where}  (Ctrl-C stops everything)")
        platform.wait()
    except KeyboardInterrupt:
        logger.info("stopping")
        return 0
    except RuntimeError as error:
        logger.error(str(error))
        return 1
    finally:
        platform.stop()
    return 0
