"""Admin view of the review queue: its health, the failed reviews, and running one again."""

import logging
import uuid
from datetime import datetime

from pydantic import BaseModel
from redis import RedisError
from sqlalchemy import func, update
from sqlalchemy.orm import defer
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import Review, ReviewStatus, User, utcnow
from review_app.review.models import Stage
from review_app.services import audit
from review_app.services.accounts.identity import CurrentUser
from review_app.services.audit import AuditAction
from review_app.services.errors import NotFoundError
from review_app.services.live_channel import ProgressEvent, publish
from review_app.services.paging import DEFAULT_PAGE_SIZE, checked_limit
from review_app.services.permissions import require_admin
from review_app.services.reviews import submissions as reviews
from review_app.work_queue.depth import waiting_messages
from review_app.work_queue.enqueue import BROKER_ERRORS, enqueue_review
from review_app.work_queue.heartbeat import LiveWorker, live_workers

logger = logging.getLogger(__name__)


class QueueHealth(BaseModel):
    """How the queue is doing: waiting messages, reviews by status, live workers."""

    redis_ok: bool
    broker_ok: bool  # the queue's broker: Redis, or RabbitMQ with CELERY_BROKER_URL
    queue_depth: int | None  # messages waiting in the broker; None when it is down
    pending: int
    running: int
    completed: int
    failed: int
    workers: list[LiveWorker]


class FailedJob(BaseModel):
    """A review that failed, with why, whose and when."""

    id: uuid.UUID
    user_id: uuid.UUID
    user_email: str
    language: str
    filename: str | None
    error: str | None
    attempts: int
    created_at: datetime
    finished_at: datetime | None
    request_id: str | None  # what its log lines are found by


class FailedJobPage(BaseModel):
    """Failed reviews, most recently failed first, and how many there are in all."""

    items: list[FailedJob]
    total: int
    limit: int
    offset: int


class Rerun(BaseModel):
    """The outcome of a re-run: `requeued` is False when the review was not failed (no change)."""

    id: uuid.UUID
    status: ReviewStatus
    requeued: bool


def queue_health(*, actor: CurrentUser) -> QueueHealth:
    """Broker queue depth, live workers from Redis, review counts from the database."""
    require_admin(actor)
    return queue_status()


def queue_status() -> QueueHealth:
    """The queue's health, for the admin page and the metrics scraper (callers authorise)."""
    with session_scope() as session:
        rows = session.exec(select(Review.status, func.count()).group_by(Review.status)).all()
    by_status = {ReviewStatus(status): count for status, count in rows}
    try:
        workers, redis_ok = live_workers(), True
    except RedisError as error:
        logger.warning("queue health without Redis: %s", error)
        workers, redis_ok = [], False
    try:
        depth = waiting_messages()
    except BROKER_ERRORS as error:
        logger.warning("queue health without the broker: %s", error)
        depth = None
    return QueueHealth(
        redis_ok=redis_ok,
        broker_ok=depth is not None,
        queue_depth=depth,
        pending=by_status.get(ReviewStatus.PENDING, 0),
        running=by_status.get(ReviewStatus.RUNNING, 0),
        completed=by_status.get(ReviewStatus.COMPLETED, 0),
        failed=by_status.get(ReviewStatus.FAILED, 0),
        workers=workers,
    )


def failed_jobs(
    *, actor: CurrentUser, limit: int = DEFAULT_PAGE_SIZE, offset: int = 0
) -> FailedJobPage:
    """Failed reviews of every user, the most recently failed first.

    Raises:
        InvalidQueryError: a paging value out of range.
    """
    require_admin(actor)
    limit = checked_limit(limit, offset)
    failed = Review.status == ReviewStatus.FAILED
    with session_scope() as session:
        total = session.exec(select(func.count()).select_from(Review).where(failed)).one()
        rows = session.exec(
            select(Review, User.email)
            .options(defer(Review.code), defer(Review.result))
            .join(User, User.id == Review.user_id)
            .where(failed)
            .order_by(Review.finished_at.desc(), Review.id)
            .limit(limit)
            .offset(offset)
        ).all()
        items = [_failed_job(review, email) for review, email in rows]
    return FailedJobPage(items=items, total=total, limit=limit, offset=offset)


def _failed_job(review: Review, email: str) -> FailedJob:
    return FailedJob(
        id=review.id,
        user_id=review.user_id,
        user_email=email,
        language=review.language,
        filename=review.filename,
        error=review.error,
        attempts=review.attempts,
        created_at=review.created_at,
        finished_at=review.finished_at,
        request_id=review.request_id,
    )


def rerun_review(*, actor: CurrentUser, review_id: uuid.UUID, ip: str | None = None) -> Rerun:
    """Put a failed review back in the queue with fresh attempts; anything else is left alone.

    Idempotent: a second call finds the review pending (or further on) and changes nothing.

    Raises:
        NotFoundError: no such review.
    """
    require_admin(actor)
    with session_scope() as session:
        requeued = (
            session.exec(
                update(Review)
                .where(Review.id == review_id, Review.status == ReviewStatus.FAILED)
                .values(
                    status=ReviewStatus.PENDING,
                    attempts=0,
                    progress=0,
                    stage=Stage.QUEUED,
                    error=None,
                    queued_at=utcnow(),
                    started_at=None,
                    finished_at=None,
                )
            ).rowcount
            == 1
        )
        review = session.get(Review, review_id)
        if review is None:
            raise NotFoundError("No review with this id.")
        detail = "queued again" if requeued else f"not failed ({review.status}); left alone"
        audit.record(
            session=session,
            action=AuditAction.REVIEW_RERUN,
            actor=actor,
            target=str(review_id),
            ip=ip,
            detail=detail,
        )
    if requeued:
        reviews.forget_cached_review(review_id)
        publish(ProgressEvent.model_validate(review), review.user_id)
        enqueue_review(review_id)
    return Rerun(id=review_id, status=review.status, requeued=requeued)
