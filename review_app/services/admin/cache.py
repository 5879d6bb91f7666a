"""Admin view of the result cache: how big it is, how often it helps, and emptying it."""

import logging

from pydantic import BaseModel, Field
from redis import RedisError
from sqlalchemy import delete, func
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import CachedResult
from review_app.redis_client import get_redis
from review_app.services import audit
from review_app.services.accounts.identity import CurrentUser
from review_app.services.audit import AuditAction
from review_app.services.permissions import require_admin
from review_app.services.reviews.cache import RESULT_KEY_PREFIX

logger = logging.getLogger(__name__)

_DELETE_BATCH = 500


class CacheStats(BaseModel):
    """The result cache: durable entries and their hits, and how many are hot in Redis."""

    entries: int = Field(description="Results kept in the database.")
    hits: int = Field(description="Submissions answered from those entries.")
    hot_entries: int | None = Field(description="Results in Redis; None when Redis is down.")


class CachePurge(BaseModel):
    """How many cached results a purge deleted."""

    entries: int
    hot_entries: int


def cache_stats(*, actor: CurrentUser) -> CacheStats:
    """Count the durable entries and hits in SQL and the hot entries in Redis."""
    require_admin(actor)
    with session_scope() as session:
        entries, hits = session.exec(
            select(func.count(), func.coalesce(func.sum(CachedResult.hit_count), 0))
        ).one()
    try:
        hot = sum(1 for _ in get_redis().scan_iter(f"{RESULT_KEY_PREFIX}*", count=_DELETE_BATCH))
    except RedisError as error:
        logger.warning("hot cache entries not counted: %s", error)
        hot = None
    return CacheStats(entries=entries, hits=hits, hot_entries=hot)


def purge_cache(*, actor: CurrentUser, ip: str | None = None) -> CachePurge:
    """Delete every cached result, in the database and in Redis; the next submissions rerun."""
    require_admin(actor)
    redis = get_redis()
    hot = 0
    batch: list[str] = []
    for key in redis.scan_iter(f"{RESULT_KEY_PREFIX}*", count=_DELETE_BATCH):
        batch.append(key)
        if len(batch) == _DELETE_BATCH:
            hot += redis.unlink(*batch)
            batch.clear()
    if batch:
        hot += redis.unlink(*batch)
    with session_scope() as session:
        entries = session.exec(delete(CachedResult)).rowcount
        detail = f"{entries} stored and {hot} hot results deleted"
        audit.record(
            session=session, action=AuditAction.CACHE_PURGE, actor=actor, ip=ip, detail=detail
        )
    return CachePurge(entries=entries, hot_entries=hot)
