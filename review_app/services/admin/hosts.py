"""Admin view of the hosts: which run the web app and which the workers, whether each is up or
fell silent (and since when), and whether the database, Redis and the broker answer."""

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from itertools import groupby
from typing import Literal

from pydantic import BaseModel
from redis import RedisError
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from review_app.db import session_scope
from review_app.redis_client import get_redis
from review_app.services.accounts.identity import CurrentUser
from review_app.services.permissions import require_admin
from review_app.work_queue.depth import waiting_messages
from review_app.work_queue.enqueue import BROKER_ERRORS
from review_app.work_queue.hosts import SILENT_AFTER_SECONDS, HostProcess, known_processes

logger = logging.getLogger(__name__)


class HostRole(BaseModel):
    """One role on one host: its processes up and silent, and when it was last heard from."""

    host: str
    role: str
    processes_up: int
    processes_silent: int
    started_at: datetime  # when its oldest process up (or, when down, its oldest) started
    seen_at: datetime
    status: Literal["up", "down"]  # down: every process of the role on the host fell silent


class Dependency(BaseModel):
    """A service the platform needs, as this web process reaches it now."""

    name: str
    ok: bool
    latency_ms: float | None
    detail: str | None = None


class HostHealth(BaseModel):
    """Every host heard from within the hour, by host and role, and the services behind them."""

    hosts: list[HostRole]
    dependencies: list[Dependency]


def host_health(*, actor: CurrentUser) -> HostHealth:
    """What an operator checks first when something is slow or down (admins only)."""
    require_admin(actor)
    redis = _reach("Redis", lambda: get_redis().ping())
    database = _reach("Database", _select_one)
    broker = _reach("Broker", waiting_messages)  # the review queue: Redis, or RabbitMQ
    try:
        processes = known_processes()
    except RedisError as error:
        logger.warning("hosts unknown without Redis: %s", error)
        processes = []
    return HostHealth(hosts=_by_host_and_role(processes), dependencies=[database, redis, broker])


def _by_host_and_role(processes: list[HostProcess]) -> list[HostRole]:
    silent_since = datetime.now(UTC) - timedelta(seconds=SILENT_AFTER_SECONDS)
    roles = []
    for (host, role), group in groupby(processes, key=lambda p: (p.host, p.role)):
        members = list(group)
        up = [process for process in members if process.seen_at >= silent_since]
        roles.append(
            HostRole(
                host=host,
                role=role,
                processes_up=len(up),
                processes_silent=len(members) - len(up),
                started_at=min(p.started_at for p in up or members),
                seen_at=max(process.seen_at for process in members),
                status="up" if up else "down",
            )
        )
    return roles


def _select_one() -> None:
    with session_scope() as session:
        session.exec(text("SELECT 1"))


def _reach(name: str, call: Callable[[], object]) -> Dependency:
    """Whether `call` answers, and how fast."""
    started = time.perf_counter()
    try:
        call()
    except (RedisError, SQLAlchemyError, *BROKER_ERRORS) as error:
        logger.warning("%s unreachable: %s", name, error)
        return Dependency(name=name, ok=False, latency_ms=None, detail=type(error).__name__)
    milliseconds = (time.perf_counter() - started) * 1000
    return Dependency(name=name, ok=True, latency_ms=round(milliseconds, 1))
