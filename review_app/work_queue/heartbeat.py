"""Each worker announces itself in Redis every few seconds; the key expires when it dies."""

import json
import os
import time
from datetime import UTC, datetime

from celery import bootsteps
from pydantic import BaseModel

from review_app.redis_client import KEY_PREFIX, get_redis
from review_app.work_queue.hosts import announce, leave

WORKER_KEY_PREFIX = f"{KEY_PREFIX}workers:"
HEARTBEAT_SECONDS = 5.0
HEARTBEAT_TTL_SECONDS = 15


class WorkerHeartbeat(bootsteps.StartStopStep):
    """A worker bootstep that keeps `review_app:workers:<hostname>` alive while it runs."""

    requires = {"celery.worker.components:Timer"}

    def __init__(self, worker, **kwargs) -> None:
        super().__init__(worker, **kwargs)
        self.timer_ref = None
        self.started_at = time.time()

    def start(self, worker) -> None:
        """Beat at once, then on a timer."""
        self.beat(worker)
        self.timer_ref = worker.timer.call_repeatedly(HEARTBEAT_SECONDS, self.beat, (worker,))

    def stop(self, worker) -> None:
        """Leave at once on a clean shutdown instead of waiting for the TTL."""
        if self.timer_ref is not None:
            self.timer_ref.cancel()
        get_redis().delete(WORKER_KEY_PREFIX + worker.hostname)
        leave("worker")

    def beat(self, worker) -> None:
        """Refresh this worker's key with what an operator wants to see."""
        info = {
            "hostname": worker.hostname,
            "pid": os.getpid(),
            "concurrency": worker.concurrency,
            "started_at": self.started_at,
            "seen_at": time.time(),
        }
        get_redis().set(
            WORKER_KEY_PREFIX + worker.hostname, json.dumps(info), ex=HEARTBEAT_TTL_SECONDS
        )
        announce("worker", self.started_at)


class LiveWorker(BaseModel):
    """A Celery worker whose heartbeat is fresh."""

    hostname: str
    pid: int | None = None
    concurrency: int | None = None
    started_at: datetime | None = None
    seen_at: datetime | None = None


def live_workers() -> list[LiveWorker]:
    """Every worker with a heartbeat key, by host name."""
    redis = get_redis()
    keys = sorted(redis.scan_iter(f"{WORKER_KEY_PREFIX}*", count=100))
    values = redis.mget(keys) if keys else []
    workers = []
    for key, raw in zip(keys, values, strict=True):
        if raw is None:  # expired between SCAN and MGET
            continue
        try:
            info = json.loads(raw)
            workers.append(
                LiveWorker(
                    hostname=info.get("hostname") or key.removeprefix(WORKER_KEY_PREFIX),
                    pid=info.get("pid"),
                    concurrency=info.get("concurrency"),
                    started_at=_from_epoch(info.get("started_at")),
                    seen_at=_from_epoch(info.get("seen_at")),
                )
            )
        except (ValueError, TypeError, AttributeError):  # not the JSON a worker writes
            workers.append(LiveWorker(hostname=key.removeprefix(WORKER_KEY_PREFIX)))
    return workers


def _from_epoch(seconds: float | None) -> datetime | None:
    return None if seconds is None else datetime.fromtimestamp(seconds, UTC)


def live_worker_count() -> int:
    """How many workers have beaten within the TTL."""
    return sum(1 for _ in get_redis().scan_iter(f"{WORKER_KEY_PREFIX}*", count=100))
