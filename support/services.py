"""Real backing services for the test suite: a Redis db number of our own, throwaway databases."""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import redis
from psycopg import sql

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379")
TEST_POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
CLAIM_KEY = "review_app:test-db-claim:{}"


def claim_redis_db(hours: int = 2) -> int:
    """Claim a Redis db number (1-15) no other test run is using, so runs never collide."""
    admin = redis.Redis.from_url(f"{TEST_REDIS_URL}/0")
    try:
        admin.ping()
    except redis.RedisError as error:
        message = f"no Redis answers at {TEST_REDIS_URL} (make test starts one)"
        raise RuntimeError(message) from error
    for number in range(1, 16):
        if admin.set(CLAIM_KEY.format(number), os.getpid(), nx=True, ex=hours * 3600):
            redis.Redis.from_url(f"{TEST_REDIS_URL}/{number}").flushdb()
            return number
    raise RuntimeError("every Redis db number 1-15 is claimed by another test run")


def release_redis_db(number: int) -> None:
    """Empty our db number and give it back."""
    redis.Redis.from_url(f"{TEST_REDIS_URL}/{number}").flushdb()
    redis.Redis.from_url(f"{TEST_REDIS_URL}/0").delete(CLAIM_KEY.format(number))


@contextmanager
def postgres_database() -> Iterator[str]:
    """A freshly created PostgreSQL database, dropped afterwards; yields its SQLAlchemy URL."""
    name = f"review_app_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(TEST_POSTGRES_URL, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    base = TEST_POSTGRES_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(TEST_POSTGRES_URL, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
