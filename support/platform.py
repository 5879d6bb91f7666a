"""The whole platform as `make run` starts it, for end-to-end tests."""

import os
import re
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from review_app.processes import start_process_group, stop_process_group, wait_for
from support.cluster.cpu_budget import CpuBudget

READY_TIMEOUT_SECONDS = 600
# Where test platforms build the frontend: never the developer's .web, so `make run` may go on.
WEB_DIR = os.environ.get("REVIEW_APP_TEST_WEB_DIR", ".web-test")


@dataclass
class RunningPlatform:
    """`python -m review_app run` (or one role of it, `role`) in a process of its own, with its
    own data dir and port; in a network namespace when `namespace` names one, within a share
    of the machine's cores when `cpu_budget` gives one."""

    data_dir: Path
    port: int
    env: dict[str, str] = field(default_factory=dict)
    process: object = None
    role: list[str] = field(default_factory=lambda: ["run"])
    namespace: str = ""
    address: str = "localhost"
    cpu_budget: CpuBudget | None = None
    log_start: int = 0  # the launcher log's size at the last launch (a restart appends)

    @property
    def url(self) -> str:
        """Where the browser goes."""
        return f"http://{self.address}:{self.port}"

    @property
    def log_path(self) -> Path:
        """What the launcher printed."""
        return self.data_dir / "launcher.log"

    def log(self) -> str:
        """The launcher's output so far."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def log_since_launch(self) -> str:
        """The launcher's output since the last launch."""
        return self.log()[self.log_start :]

    def start(self) -> "RunningPlatform":
        """Start it and wait until it says it is running (or fail with its log)."""
        return self.launch().wait_until_running()

    def launch(self) -> "RunningPlatform":
        """Start it; `wait_until_running` waits for it."""
        env = {
            **self.env,
            "DATA_DIR": str(self.data_dir),
            "PORT": str(self.port),
            "REFLEX_WEB_WORKDIR": WEB_DIR,
            "REFLEX_STATES_WORKDIR": f"{WEB_DIR}-states",
        }
        command = [sys.executable, "-m", "review_app", *self.role]
        if self.namespace:
            command = ["ip", "netns", "exec", self.namespace, *command]
        if self.cpu_budget is not None:  # outside the namespace: its /sys has no cgroups
            command = self.cpu_budget.wrap(command)
        self.log_start = len(self.log())
        self.process = start_process_group(command, env, self.log_path)
        return self

    def wait_until_running(self) -> "RunningPlatform":
        """Wait until the launcher says its part is running (or fail with its log)."""
        wait_for(
            lambda: " is running" in self.log_since_launch() or self.process.poll() is not None,
            timeout=READY_TIMEOUT_SECONDS,
            what="the platform to start",
        )
        if self.process.poll() is not None:
            raise RuntimeError(f"the platform did not start:\n{self.log()}")
        return self

    def child_pids(self) -> list[int]:
        """The pids the launcher says it started."""
        return [int(pid) for pid in re.findall(r"started \w+ \(pid (\d+)\)", self.log())]

    def private_redis_url(self) -> str | None:
        """The URL of the Redis the launcher started, if it started one."""
        match = re.search(r"started a private Redis at (\S+)", self.log())
        return match.group(1) if match else None

    def get(self, path: str, **kwargs) -> httpx.Response:
        """A GET against the running platform."""
        return httpx.get(f"{self.url}{path}", timeout=10, **kwargs)

    def stop(self) -> int:
        """Ctrl-C, as a person would; returns the launcher's exit code."""
        return stop_process_group(self.process, signal.SIGINT, timeout=60)


def platform_env(**overrides: str) -> dict[str, str]:
    """The test process's environment with `overrides`; an empty value removes a variable."""
    env = {**os.environ, **overrides}
    return {name: value for name, value in env.items() if value != ""}
