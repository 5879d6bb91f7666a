"""Live progress of a review: the latest stage in the database, every stage on Redis pub/sub.

Each event goes to the review's own channel and to its owner's channel, which every open tab of
that user listens on. Publishing is best effort: the database always holds the latest stage.
"""

import logging
import uuid
from typing import Literal

from pydantic import BaseModel
from redis import RedisError
from sqlalchemy import update
from sqlmodel import Session

from review_app.models import Review, ReviewStatus
from review_app.redis_client import KEY_PREFIX, get_redis
from review_app.review.models import Stage
from review_app.services.auth import user_channel

logger = logging.getLogger(__name__)


class ProgressEvent(BaseModel):
    """One stage of one review, as published (JSON) on its channels."""

    type: Literal["review_progress"] = "review_progress"
    review_id: uuid.UUID
    status: ReviewStatus
    stage: Stage
    progress: int  # 0-100
    cached: bool = False
    score: int | None = None
    error: str | None = None

    @classmethod
    def of(cls, review: Review) -> "ProgressEvent":
        """The event that describes `review` as it is now."""
        return cls(
            review_id=review.id,
            status=review.status,
            stage=review.stage,
            progress=review.progress,
            cached=review.cached,
            score=review.score,
            error=review.error,
        )


def review_channel(review_id: uuid.UUID) -> str:
    """The pub/sub channel of one review."""
    return f"{KEY_PREFIX}review:{review_id}"


def publish(event: ProgressEvent, user_id: uuid.UUID) -> None:
    """Send `event` to the review's channel and its owner's channel, if Redis answers."""
    message = event.model_dump_json()
    try:
        pipeline = get_redis().pipeline(transaction=False)
        pipeline.publish(review_channel(event.review_id), message)
        pipeline.publish(user_channel(user_id), message)
        pipeline.execute()
    except RedisError as error:
        logger.warning("progress of review %s not published: %s", event.review_id, error)


def record_stage(*, session: Session, review_id: uuid.UUID, attempt: int, stage: Stage) -> bool:
    """Store the stage reached by run number `attempt`; False if that run no longer owns it."""
    return (
        session.exec(
            update(Review)
            .where(
                Review.id == review_id,
                Review.status == ReviewStatus.RUNNING,
                Review.attempts == attempt,
            )
            .values(stage=stage, progress=stage.percent)
        ).rowcount
        == 1
    )
