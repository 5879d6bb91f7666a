"""Child processes as the launcher, the tests and the benchmarks run them: each in a process group
of its own with its output in a log file, waited for until ready, stopped as a group."""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from review_app.settings import PROJECT_ROOT

STOP_TIMEOUT_SECONDS = 20


def start_process_group(
    command: list[str], env: dict[str, str], log_path: Path
) -> subprocess.Popen[bytes]:
    """Start `command` (a fixed list, never a shell) in a new session, output into `log_path`."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log:
        return subprocess.Popen(  # noqa: S603  (our own commands, no shell)
            command,
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop_process_group(
    process: subprocess.Popen[bytes],
    sig: int = signal.SIGTERM,
    timeout: float = STOP_TIMEOUT_SECONDS,
) -> int | None:
    """Signal the whole group and wait; SIGKILL what is left after `timeout` seconds."""
    if process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    return process.returncode


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Poll `condition` until it holds.

    Raises:
        TimeoutError: it did not hold within `timeout` seconds; the message names `what`.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.1)


def log_tail(log_path: Path, lines: int = 30) -> str:
    """The end of a log file, for an error message."""
    return "\n".join(log_path.read_text(errors="replace").splitlines()[-lines:])


def celery_worker_command(
    name: str, concurrency: int, beat_schedule: Path | None = None
) -> list[str]:
    """A Celery worker of the project's app named `name@host`; with `beat_schedule`, beat too."""
    command = [
        sys.executable,
        "-m",
        "celery",
        "--app=review_app.work_queue.celery_app",
        "--quiet",  # no banner: the log holds JSON lines only
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
