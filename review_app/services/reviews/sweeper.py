"""Re-queue reviews stuck too long, so none waits forever.

Pending past REVIEW_PENDING_TIMEOUT_SECONDS (its message was lost, or the broker was down when
it was submitted), or running past the hard time limit plus a margin (its worker died without the
message coming back). Each re-queue is a compare-and-set, so concurrent sweeps queue a review once.
"""

import logging
import uuid
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_, update
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import Review, ReviewStatus, utcnow
from review_app.review.models import Stage
from review_app.services.live_channel import ProgressEvent, publish
from review_app.settings import get_settings
from review_app.work_queue.enqueue import enqueue_review

logger = logging.getLogger(__name__)

RUNNING_MARGIN_SECONDS = 60
BATCH_SIZE = 500


def _stuck(now: datetime) -> ColumnElement[bool]:
    """The condition of a review waiting or running longer than it ever should."""
    settings = get_settings()
    queued_before = now - timedelta(seconds=settings.review_pending_timeout_seconds)
    started_before = now - timedelta(seconds=settings.task_hard_time_limit + RUNNING_MARGIN_SECONDS)
    return or_(
        and_(Review.status == ReviewStatus.PENDING, Review.queued_at < queued_before),
        and_(Review.status == ReviewStatus.RUNNING, Review.started_at < started_before),
    )


def sweep_stuck_reviews(now: datetime | None = None) -> list[uuid.UUID]:
    """Put every stuck review back in the queue as pending; returns the ids re-queued."""
    now = now or utcnow()
    requeued: list[tuple[uuid.UUID, uuid.UUID, uuid.UUID | None]] = []
    with session_scope() as session:
        candidates = session.exec(
            select(Review.id, Review.user_id, Review.project_review_id)
            .where(_stuck(now))
            .limit(BATCH_SIZE)
        ).all()
        for review_id, user_id, project_review_id in candidates:
            claimed = session.exec(
                update(Review)
                .where(Review.id == review_id, _stuck(now))
                .values(
                    status=ReviewStatus.PENDING,
                    queued_at=now,
                    stage=Stage.QUEUED,
                    progress=0,
                )
            ).rowcount
            if claimed:
                requeued.append((review_id, user_id, project_review_id))
    for review_id, user_id, project_review_id in requeued:
        logger.warning("review %s was stuck; queued again", review_id)
        event = ProgressEvent(
            review_id=review_id,
            status=ReviewStatus.PENDING,
            stage=Stage.QUEUED,
            progress=0,
            project_review_id=project_review_id,
        )
        publish(event, user_id)
        enqueue_review(review_id)
    return [review_id for review_id, _, _ in requeued]
