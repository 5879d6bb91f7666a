"""Every process of the platform says, every few seconds, which host it runs on and in which role
(web, worker); the admin page tells from that which hosts are up and which fell silent, and since
when. A process that stops cleanly leaves at once; one that dies is remembered as silent for an
hour, then forgotten."""

import json
import os
import socket
import time
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel

from review_app.redis_client import KEY_PREFIX, get_redis
from review_app.settings import get_settings

HOSTS_KEY = f"{KEY_PREFIX}hosts"  # a hash: "<host>|<role>|<pid>" -> what the process said
BEAT_SECONDS = 5.0
SILENT_AFTER_SECONDS = 15  # three missed beats
FORGET_AFTER_SECONDS = 3600

Role = Literal["web", "worker"]


class HostProcess(BaseModel):
    """One process as it last announced itself."""

    host: str
    role: str
    pid: int
    started_at: datetime
    seen_at: datetime


def this_host() -> str:
    """The name this host goes by on the admin page: HOST_NAME, or the machine's host name."""
    return get_settings().host_name or socket.gethostname()


def announce(role: Role, started_at: float) -> None:
    """This process is alive in `role` (it started at `started_at`, epoch seconds)."""
    said = {"started_at": started_at, "seen_at": time.time()}
    get_redis().hset(HOSTS_KEY, _field(role), json.dumps(said))


def leave(role: Role) -> None:
    """This process stops cleanly: forget it now rather than show it silent."""
    get_redis().hdel(HOSTS_KEY, _field(role))


def known_processes() -> list[HostProcess]:
    """Every process heard from within the last hour (older ones are dropped), by host and role."""
    redis = get_redis()
    known, forgotten = [], []
    for field, raw in redis.hgetall(HOSTS_KEY).items():
        process = _parse(field, raw)
        if process is None or time.time() - process.seen_at.timestamp() > FORGET_AFTER_SECONDS:
            forgotten.append(field)
        else:
            known.append(process)
    if forgotten:
        redis.hdel(HOSTS_KEY, *forgotten)
    return sorted(known, key=lambda process: (process.host, process.role, process.pid))


def _field(role: Role) -> str:
    return f"{this_host()}|{role}|{os.getpid()}"


def _parse(field: str, raw: str) -> HostProcess | None:
    """What a process wrote, or None for anything else found in the hash."""
    try:
        host, role, pid = field.rsplit("|", 2)
        said = json.loads(raw)
        return HostProcess(
            host=host,
            role=role,
            pid=int(pid),
            started_at=datetime.fromtimestamp(said["started_at"], UTC),
            seen_at=datetime.fromtimestamp(said["seen_at"], UTC),
        )
    except (ValueError, TypeError, KeyError):
        return None
