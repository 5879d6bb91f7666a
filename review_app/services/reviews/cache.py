"""Results by cache key: hot entries in Redis with a TTL, the durable copy in `cached_results`.

Redis is a shortcut only: when it is down, the database answers and nothing fails.
"""

import logging

from pydantic import ValidationError
from redis import RedisError
from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from review_app.models import CachedResult, utcnow
from review_app.redis_client import KEY_PREFIX, get_redis
from review_app.review.models import ReviewResult
from review_app.services.metrics import count_cache_lookup
from review_app.settings import get_settings

logger = logging.getLogger(__name__)
RESULT_KEY_PREFIX = f"{KEY_PREFIX}result:"  # hot entries: the prefix, then the cache key


def _redis_key(cache_key: str) -> str:
    return f"{RESULT_KEY_PREFIX}{cache_key}"


def is_cacheable(result: ReviewResult) -> bool:
    """Whether another submission may reuse `result`: not when a tool or the LLM failed.

    Those failures are usually passing (a server down), so the next submission should try again.
    """
    return result.llm.state != "unavailable" and not result.tool_errors


def find_result(*, session: Session, cache_key: str) -> ReviewResult | None:
    """The stored result for `cache_key` (Redis first, then the database), counting the hit."""
    result = _lookup(session, cache_key)
    count_cache_lookup(hit=result is not None)
    if result is not None:
        session.exec(
            update(CachedResult)
            .where(CachedResult.cache_key == cache_key)
            .values(hit_count=CachedResult.hit_count + 1)
        )
    return result


def _lookup(session: Session, cache_key: str) -> ReviewResult | None:
    """The stored result, from Redis or else from the database (then kept hot in Redis)."""
    result = _from_redis(cache_key)
    if result is None:
        row = session.get(CachedResult, cache_key)
        if row is None:
            return None
        try:
            result = ReviewResult.model_validate(row.result)
        except ValidationError:
            logger.warning("cached result %s no longer matches the model; ignoring it", cache_key)
            return None
        remember_result(cache_key, result)
    return result


def store_result(*, session: Session, cache_key: str, result: ReviewResult) -> None:
    """Insert or replace the durable copy (two workers may finish the same code at once)."""
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    values = {"result": result.model_dump(mode="json"), "created_at": utcnow()}
    statement = insert(CachedResult).values(cache_key=cache_key, hit_count=0, **values)
    session.exec(statement.on_conflict_do_update(index_elements=["cache_key"], set_=values))


def remember_result(cache_key: str, result: ReviewResult) -> None:
    """Keep `result` hot in Redis for the configured TTL, if Redis answers."""
    ttl = get_settings().review_cache_ttl_seconds
    try:
        get_redis().set(_redis_key(cache_key), result.model_dump_json(), ex=ttl)
    except RedisError as error:
        logger.warning("result not cached in Redis: %s", error)


def _from_redis(cache_key: str) -> ReviewResult | None:
    try:
        raw = get_redis().get(_redis_key(cache_key))
    except RedisError as error:
        logger.warning("Redis unavailable, reading the result cache from the database: %s", error)
        return None
    try:
        return ReviewResult.model_validate_json(raw) if raw else None
    except ValidationError:
        return None
