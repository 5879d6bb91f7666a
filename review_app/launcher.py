"""`make run`: start Redis if needed, migrate, start the worker and web app; Ctrl-C stops all."""

import os
import shutil
import signal
import subprocess
import sys
import time
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
from review_app.settings import Settings

READY_TIMEOUT_SECONDS = 600  # the first start installs the frontend's npm packages
logger = structlog.get_logger(__name__)


@dataclass
class Child:
    """A process group the launcher started, with its log file."""

    name: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def stop(self) -> None:
        """SIGTERM the whole group, then SIGKILL what is left after a grace period."""
        stop_process_group(self.process)

    def log_tail(self) -> str:
        """The end of this child's log, for an error message."""
        return log_tail(self.log_path)


@dataclass
class Platform:
    """Every process of a running review_app."""

    settings: Settings
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    children: list[Child] = field(default_factory=list)
    redis: EmbeddedRedis | None = None

    @property
    def url(self) -> str:
        """Where a person opens the app."""
        return f"http://localhost:{self.settings.port}"

    def start(self) -> None:
        """Bring every part up in dependency order and wait until /healthz says ok."""
        self.ensure_redis()
        if self.settings.broker_is_rabbitmq:
            queue = without_password(self.settings.effective_broker_url)
            logger.info(f"the review queue is on RabbitMQ at {queue}")
        logger.info("migrating the database to the newest schema")
        upgrade_to_head(self.settings.effective_database_url)
        self.env.update(child_environment(self.settings))
        self.spawn("worker", worker_command(self.settings))
        logger.info("starting the web app (the first start installs npm packages: a few minutes)")
        self.spawn("web", web_command(self.settings))
        self.wait_until_healthy()

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
        process = start_process_group(command, env, log_path)
        self.children.append(Child(name, process, log_path))
        logger.info(f"started {name} (pid {process.pid}), log: {log_path}")

    def wait_until_healthy(self) -> None:
        """Poll /healthz until it answers ok; fail with a child's log if one dies first."""
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            self.raise_if_a_child_died()
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(1)
        raise RuntimeError(f"review_app did not become healthy in {READY_TIMEOUT_SECONDS} s")

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


def worker_command(settings: Settings) -> list[str]:
    """One Celery worker of `worker_concurrency` processes, running beat (the sweeper) too;
    whatever it prints past logging (a shutdown notice) made a JSON record too."""
    command = celery_worker_command(
        "review_app",
        settings.worker_concurrency,
        beat_schedule=settings.data_dir / "celerybeat-schedule",
    )
    if children_write_json(settings):
        return [sys.executable, "-m", "review_app.json_output", "worker", *command]
    return command


def web_command(settings: Settings) -> list[str]:
    """Reflex in production mode, page, websocket and REST API on one port."""
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


def without_password(url: str) -> str:
    """A URL fit for a log line: its password, if any, shown as **."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":**@", 1)).geturl()


def _interrupt(_signum: int, _frame: object) -> None:
    """Ctrl-C and SIGTERM both stop every child (even when started with SIGINT ignored)."""
    raise KeyboardInterrupt


def run_platform(settings: Settings) -> int:
    """Run until Ctrl-C (or SIGTERM); returns the process exit code."""
    configure_logging(settings)
    platform = Platform(settings)
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        platform.start()
        logger.info(f"review_app is running: open {platform.url}  (Ctrl-C stops everything)")
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
