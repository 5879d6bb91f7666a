"""review_app across seven hosts on this machine, as an operator would lay it out.

    browser, test (root namespace, on the bridge)
        |
    proxy (nginx, TLS) --> web1, web2 (`python -m review_app web`; Reflex state in Redis)
                                  |
    wrk1 (`worker --beat`: the sweeper runs there only), wrk2 (`worker`)
                                  |
    pg (PostgreSQL, its own initdb cluster), rds (Redis, requirepass)

Each host is a namespace named ra<pid><host> (support/cluster/network.py); the fake LLM listens
on the bridge in the root namespace.

The frontend is built once, into the tests' web workdir, by a web role started outside the hosts
(its build installs npm packages from the registry, which no host reaches); both web hosts then
serve that build (`web --prebuilt`).
"""

import json
import secrets
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from review_app.embedded_redis import free_port
from review_app.processes import wait_for
from support.cluster.cpu_budget import CpuBudget
from support.cluster.network import Host, Network
from support.cluster.proxy import WEB_PORT, Proxy
from support.cluster.stores import PostgresHost, RedisHost
from support.llm_server import FakeLLMServer, Reply
from support.platform import RunningPlatform, platform_env

WEB_HOSTS = ("web1", "web2")
WORKER_HOSTS = ("wrk1", "wrk2")
PROJECT_BATCH_FILES = 2  # small batches, so a project's review has many to spread
# A worker host that dies mid-review: its message comes back after the visibility timeout (the
# hard limit + 60 s), or the sweeper queues the review again: short limits keep that near.
# A review whose retries ran out while PostgreSQL was unreachable stays pending until the sweeper
# queues it again: after 30 s here, not the default 10 minutes.
TIME_LIMITS = {
    "TASK_SOFT_TIME_LIMIT": "20",
    "TASK_HARD_TIME_LIMIT": "25",
    "REVIEW_PENDING_TIMEOUT_SECONDS": "30",
    "REVIEW_SWEEP_SECONDS": "10",
}
LLM_ANSWER = json.dumps(
    {
        "summary": "Runs what it is given.",
        "rubric": {
            name: {"score": 6, "reason": f"{name} could be better"}
            for name in ("correctness", "security", "performance", "readability", "maintainability")
        },
        "findings": [],
    }
)
# Every browser tab and REST call of the tests comes from the bridge's one address.
LIMITS = {
    "RATE_LIMIT_LOGIN": "100/minute",
    "RATE_LIMIT_REGISTER": "100/minute",
    "RATE_LIMIT_DEFAULT": "2000/minute",
    "RATE_LIMIT_SUBMIT": "500/hour",
    "RATE_LIMIT_SUBMIT_IP": "500/hour",
}


@dataclass
class Cluster:
    """The hosts, their stores and their review_app roles; `stop` undoes everything."""

    run_dir: Path
    network: Network = field(default_factory=Network)
    postgres: PostgresHost | None = None
    redis: RedisHost | None = None
    proxy: Proxy | None = None
    llm: FakeLLMServer | None = None  # on the bridge, in the root namespace
    roles: dict[str, RunningPlatform] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)  # on top of the tests' (see below)
    timings: dict[str, float] = field(default_factory=dict)
    cpu_budgets: dict[str, CpuBudget] = field(default_factory=dict)  # by host, when given one

    @property
    def url(self) -> str:
        """Where people go: the proxy."""
        return self.proxy.url

    def host(self, role: str) -> Host:
        """A host by its role name (web1, wrk2, postgres, ...)."""
        return self.network.hosts[role]

    def start(self) -> "Cluster":
        """Make the hosts, start the stores, migrate, start the roles, and wait for /healthz."""
        began = time.monotonic()
        self.network.create()
        self.llm = FakeLLMServer(default=Reply(LLM_ANSWER), host=self.network.gateway).start()
        for role in ("proxy", *WEB_HOSTS, *WORKER_HOSTS, "pg", "rds"):
            self.network.add_host(role)
        self.postgres = PostgresHost(
            self.host("pg"), self.network.subnet, self.run_dir / "postgres.log"
        ).start()
        self.redis = RedisHost(self.host("rds"), self.run_dir / "redis.log").start()
        self._migrate()
        for number, name in enumerate(WORKER_HOSTS):
            beat = ["--beat"] if number == 0 else []
            self._launch(name, ["worker", f"--name={name}", *beat])
        web_began = time.monotonic()
        self._build_frontend()
        self.timings["frontend build"] = time.monotonic() - web_began
        for name in WEB_HOSTS:
            web_began = time.monotonic()
            self._launch(name, ["web", "--prebuilt"]).wait_until_running()
            self.timings[f"web host {name}"] = time.monotonic() - web_began
        for name in WORKER_HOSTS:
            self.roles[name].wait_until_running()
        web_hosts = [self.host(name) for name in WEB_HOSTS]
        self.proxy = Proxy(self.host("proxy"), web_hosts, self.run_dir / "proxy").start()
        wait_for(self._healthy, timeout=120, what="the cluster's /healthz through the proxy")
        self.timings["cluster"] = time.monotonic() - began
        return self

    def environment(self) -> dict[str, str]:
        """What every review_app host is told: the stores, the proxy, shared secrets."""
        proxy = self.host("proxy").address
        shared = {
            "DATABASE_URL": self.postgres.url,
            "REDIS_URL": self.redis.url,
            "HOST": "0.0.0.0",  # noqa: S104  (the host's own namespace: only the bridge)
            "WEB_WORKERS": "1",
            "WORKER_CONCURRENCY": "1",
            "ALLOWED_ORIGINS": f'["https://{proxy}"]',
            "TRUSTED_PROXIES": f'["{proxy}"]',
            "JWT_SECRET": self._secret("jwt"),
            "INTEGRATION_KEY": self._secret("integration"),
            "LLM_BASE_URL": self.llm.base_url,
            "LLM_API_KEY": "cluster-key",
            "LLM_MODEL": "fake-model",
            "PROJECT_BATCH_FILES": str(PROJECT_BATCH_FILES),
            **TIME_LIMITS,
            **LIMITS,
        }
        return platform_env(**{**shared, **self.settings})

    def _secret(self, name: str) -> str:
        """A secret every host shares, made once per cluster."""
        path = self.run_dir / f"{name}.secret"
        if not path.exists():
            self.run_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_hex(32))
        return path.read_text()

    def _migrate(self) -> None:
        """`python -m review_app migrate`, once, from the first web host."""
        command = self.host("web1").command([sys.executable, "-m", "review_app", "migrate"])
        subprocess.run(command, env=self.environment(), check=True, capture_output=True)

    def _build_frontend(self) -> None:
        """Build the frontend the web hosts serve (`web --prebuilt`) with a web role started
        once outside the hosts: the build installs npm packages, and no host reaches a registry."""
        builder = RunningPlatform(
            data_dir=self.run_dir / "frontend-build",
            port=free_port(),
            env={**self.environment(), "HOST": "127.0.0.1", "HOST_NAME": "frontend-build"},
            role=["web"],
        )
        builder.launch().wait_until_running()
        builder.stop()

    def _launch(self, name: str, role: list[str], **settings: str) -> RunningPlatform:
        """Start `role` on host `name` (with `settings` on top, within its CPU budget if it has
        one), its data and logs under run_dir/name."""
        host = self.host(name)
        platform = RunningPlatform(
            data_dir=self.run_dir / name,
            port=WEB_PORT,
            env={**self.environment(), "HOST_NAME": name, **settings},  # HOST_NAME: admin Hosts
            role=role,
            namespace=host.name,
            address=host.address,
            cpu_budget=self.cpu_budgets.get(name),
        )
        self.roles[name] = platform.launch()
        return platform

    def _healthy(self, workers: int = len(WORKER_HOSTS)) -> bool:
        """Whether /healthz through the proxy says every part is up, `workers` counted."""
        try:
            answer = httpx.get(f"{self.url}/healthz", verify=False, timeout=5)  # noqa: S501
        except httpx.HTTPError:
            return False
        return answer.status_code == 200 and answer.json()["workers"] == workers

    def worker_log(self, name: str) -> str:
        """What the Celery worker of host `name` logged."""
        return (self.run_dir / name / "logs" / "worker.log").read_text(errors="replace")

    def web_host_at(self, address: str) -> str:
        """The name of the web host at `address`."""
        return next(name for name in WEB_HOSTS if self.host(name).address == address)

    def kill_host(self, name: str) -> None:
        """Every process of host `name` dies at once (SIGKILL), as when a machine fails."""
        self.network.kill(name)
        wait_for(lambda: not self.network.pids(name), timeout=30, what=f"{name}'s processes to die")
        self.roles[name].process.wait(timeout=30)

    def restart_host(self, name: str) -> None:
        """Start a killed host's role again."""
        self._launch(name, self.roles[name].role)
        self.roles[name].wait_until_running()

    def run_workers(self, processes: dict[str, int], cores_each: float | None = None) -> None:
        """A worker role of `processes[host]` Celery processes on each host named, none on the
        other worker hosts; with `cores_each`, each host gets that many cores per process, as
        a machine sized for its processes would (none: every host shares the whole machine).
        Returns once /healthz counts them."""
        for name in WORKER_HOSTS:
            self.roles[name].stop()
        for name, count in processes.items():
            if cores_each is None:
                if (budget := self.cpu_budgets.pop(name, None)) is not None:
                    budget.remove()
            else:
                budget = CpuBudget(self.host(name).name, cores_each * count)
                self.cpu_budgets[name] = budget.create()
            role = self.roles[name].role
            self._launch(name, role, WORKER_CONCURRENCY=str(count)).wait_until_running()
        wait_for(
            lambda: self._healthy(workers=len(processes)),
            timeout=120,
            what=f"workers on {', '.join(processes)} to report in",
        )

    def stop(self) -> None:
        """Stop every role, store and the proxy, then remove the hosts (also after a failure)."""
        for platform in reversed(list(self.roles.values())):
            if platform.process is not None:
                platform.stop()
        for part in (self.proxy, self.redis, self.postgres, self.llm):
            if part is not None:
                part.stop()
        self.network.remove()
        for budget in self.cpu_budgets.values():
            budget.remove()
