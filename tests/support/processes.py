"""Real processes for tests: a Celery worker, the whole platform."""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Poll `condition` until it holds, or fail naming `what`."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.1)


def start_process(command: list[str], env: dict[str, str], log_path: Path) -> subprocess.Popen:
    """Start `command` in its own process group, output into `log_path`."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log:
        return subprocess.Popen(
            command,
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop_process(process: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 30) -> int:
    """Signal the process group and wait; SIGKILL it if it will not go."""
    if process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    return process.returncode


def celery_worker_command(
    name: str, concurrency: int = 1, beat_schedule: Path | None = None
) -> list[str]:
    """A real Celery worker of the project's app; with `beat_schedule`, running beat too."""
    command = [
        sys.executable,
        "-m",
        "celery",
        "--app=review_app.tasks.celery_app",
        "worker",
        f"--concurrency={concurrency}",
        f"--hostname={name}@%h",
        "--loglevel=INFO",
        "--without-gossip",
        "--without-mingle",
    ]
    if beat_schedule is not None:
        command += ["--beat", f"--schedule={beat_schedule}"]
    return command
