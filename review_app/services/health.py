"""Is every part of the platform answering?"""

from pydantic import BaseModel
from redis import RedisError
from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from review_app.db import get_engine, probe_engine_for
from review_app.redis_client import get_redis, redis_answers
from review_app.settings import get_settings
from review_app.work_queue.depth import waiting_messages
from review_app.work_queue.enqueue import BROKER_ERRORS
from review_app.work_queue.heartbeat import live_worker_count


class HealthReport(BaseModel):
    """What `/healthz` answers: each part "ok" or "down", and the live worker count."""

    status: str
    database: str
    redis: str
    broker: str  # the review queue: Redis, or RabbitMQ with CELERY_BROKER_URL
    workers: int


def database_ok(engine: Engine | None = None) -> bool:
    """Whether the database answers a trivial query (through `engine`, the app's by default)."""
    try:
        with (engine or get_engine()).connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return False
    return True


def stores_answer(timeout: float = 1.0) -> bool:
    """Whether Redis and the database both answer, each on a connection of its own."""
    settings = get_settings()
    return redis_answers(settings.effective_redis_url, timeout) and database_ok(
        probe_engine_for(settings.effective_database_url)
    )


def redis_ok() -> bool:
    """Whether Redis answers PING."""
    try:
        return bool(get_redis().ping())
    except RedisError:
        return False


def broker_ok() -> bool:
    """Whether the queue's broker answers (reading its queue depth)."""
    try:
        waiting_messages()
    except BROKER_ERRORS:
        return False
    return True


def check_health() -> HealthReport:
    """Probe the database, Redis, the broker and the workers (their heartbeats live in Redis)."""
    parts = {"database": database_ok(), "redis": redis_ok(), "broker": broker_ok()}
    workers = live_worker_count() if parts["redis"] else 0
    all_ok = all(parts.values()) and workers > 0
    return HealthReport(
        status="ok" if all_ok else "down",
        database="ok" if parts["database"] else "down",
        redis="ok" if parts["redis"] else "down",
        broker="ok" if parts["broker"] else "down",
        workers=workers,
    )
