"""Running a queued review in a worker, exactly once in effect, however often it is delivered.

Every run claims the review with a compare-and-set (pending or running -> running, one more
attempt) and writes progress and the result only while it is still the latest attempt of a
running review. A run whose worker died is taken over by the next delivery; a superseded run's
writes change nothing, so a completed review is never written twice.
"""

import logging
import time
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import update
from sqlmodel import Session

from review_app.db import session_scope
from review_app.models import Review, ReviewStatus, utcnow
from review_app.review.models import ReviewContext, ReviewResult, Stage
from review_app.review.pipeline import run_review
from review_app.services import metrics
from review_app.services.live_channel import ProgressEvent, publish
from review_app.services.reviews import cache as review_cache
from review_app.services.reviews import coalescing, project_progress
from review_app.services.reviews import results as review_results
from review_app.services.reviews.coalescing import UNFINISHED
from review_app.services.reviews.submissions import llm_config
from review_app.settings import get_settings

logger = logging.getLogger(__name__)

INTERNAL_ERROR_MESSAGE = (
    "The review failed because of an internal error. Submit it again; if it keeps failing, "
    "tell the administrator."
)


@dataclass(frozen=True)
class Attempt:
    """One run of one review, numbered: only the latest number may write."""

    review_id: uuid.UUID
    user_id: uuid.UUID
    number: int
    language: str
    code: str
    cache_key: str
    project_review_id: uuid.UUID | None = None  # the review of one file of a project
    context: ReviewContext | None = None  # that file's place in its project
    request_id: str | None = None  # the request that submitted it, named in the run's log lines


class AttemptSupersededError(Exception):
    """Another run took the review over, or it was re-queued; this run stops quietly."""


class AttemptTimeoutError(Exception):
    """The run went past the soft time limit."""


def timed_out_message() -> str:
    """What a person reads when a review ran out of time."""
    limit = get_settings().task_soft_time_limit
    return f"The review took longer than {limit} s and was stopped."


def start_attempt(review_id: uuid.UUID, *, redelivered: bool = True) -> Attempt | None:
    """Claim the review for a new run; None if it is finished, gone, run or out of attempts.

    Only a redelivered message (its worker died, or the task is retried) takes over a running
    review: a fresh one is a duplicate (the sweep queues a review that waited long again), so
    the live run goes on. A review out of attempts (its worker kept dying) is marked failed here.
    """
    max_attempts = get_settings().review_max_attempts
    claimable = UNFINISHED if redelivered else (ReviewStatus.PENDING,)
    with session_scope() as session:
        claimed = session.exec(
            update(Review)
            .where(
                Review.id == review_id,
                Review.status.in_(claimable),
                Review.attempts < max_attempts,
            )
            .values(
                status=ReviewStatus.RUNNING,
                attempts=Review.attempts + 1,
                started_at=utcnow(),
                stage=Stage.QUEUED,
                progress=0,
            )
        ).rowcount
        review = session.get(Review, review_id)
        if review is None or review.status not in UNFINISHED:
            logger.info("review %s is finished or gone; nothing to run", review_id)
            return None
        if claimed:
            return Attempt(
                review_id=review.id,
                user_id=review.user_id,
                number=review.attempts,
                language=review.language,
                code=review.code,
                cache_key=review.cache_key,
                project_review_id=review.project_review_id,
                context=ReviewContext.model_validate(review.context) if review.context else None,
                request_id=review.request_id,
            )
        if review.attempts < max_attempts or review.status not in claimable:
            return None  # another delivery claimed it in between, or runs it now
    message = (
        f"The review was stopped after {max_attempts} attempts: the worker running it stopped "
        "each time. Submit it again, or a smaller part of the code."
    )
    fail_review(review_id, message)
    return None


def run_attempt(attempt: Attempt) -> bool:
    """Run the pipeline, recording each stage, then write the result; False if superseded."""
    deadline = time.monotonic() + get_settings().task_soft_time_limit
    clock = metrics.StageClock(attempt.language)

    def on_progress(stage: Stage) -> None:
        # The pipeline catches broad exceptions around its tools, so check the limit here too.
        if time.monotonic() > deadline:
            raise AttemptTimeoutError
        clock.reached(stage)
        if not report_stage(attempt, stage):
            raise AttemptSupersededError

    try:
        result = run_review(
            attempt.language, attempt.code, llm_config(), on_progress, attempt.context
        )
    except AttemptSupersededError:
        logger.info("review %s run %d was superseded", attempt.review_id, attempt.number)
        return False
    except AttemptTimeoutError:
        clock.stop()
        metrics.count_ended(attempt.language, ReviewStatus.FAILED)
        return fail_review(attempt.review_id, timed_out_message(), attempt=attempt.number)
    clock.stop()
    metrics.count_ended(attempt.language, ReviewStatus.COMPLETED, result.llm)
    return complete_review(attempt, result)


def report_stage(attempt: Attempt, stage: Stage) -> bool:
    """Store and push the stage the run reached; False if the run no longer owns the review."""
    with session_scope() as session:
        owned = _record_stage(
            session=session, review_id=attempt.review_id, attempt=attempt.number, stage=stage
        )
    if owned:
        event = ProgressEvent(
            review_id=attempt.review_id,
            status=ReviewStatus.RUNNING,
            stage=stage,
            progress=stage.percent,
            project_review_id=attempt.project_review_id,
            request_id=attempt.request_id,
        )
        publish(event, attempt.user_id)
    return owned


def complete_review(attempt: Attempt, result: ReviewResult) -> bool:
    """Write the result, its findings and the cache entry once; False if another run owns it."""
    cacheable = review_cache.is_cacheable(result)
    with session_scope() as session:
        values = review_results.completed_values(result, cached=False)
        if not _set_if_current(session, attempt.review_id, attempt.number, values):
            logger.info("review %s run %d lost its claim", attempt.review_id, attempt.number)
            return False
        review = session.get(Review, attempt.review_id)
        review_results.add_findings(session, review, result)
        if cacheable:
            review_cache.store_result(session=session, cache_key=attempt.cache_key, result=result)
        followers = coalescing.complete_followers(
            session, attempt.cache_key, attempt.review_id, result
        )
    if cacheable:
        review_cache.remember_result(attempt.cache_key, result)
    coalescing.announce([review, *followers])
    project_progress.files_ended([review, *followers])
    return True


def fail_review(review_id: uuid.UUID, message: str, *, attempt: int | None = None) -> bool:
    """Mark an unfinished review failed with `message`; with `attempt`, only if still its run."""
    with session_scope() as session:
        if not _set_if_current(session, review_id, attempt, review_results.failed_values(message)):
            return False
        review = session.get(Review, review_id)
    publish(ProgressEvent.model_validate(review), review.user_id)
    coalescing.release_followers(review.cache_key, review_id)
    project_progress.files_ended([review])
    return True


def _set_if_current(
    session: Session, review_id: uuid.UUID, attempt: int | None, values: dict[str, Any]
) -> bool:
    """Update an unfinished review (run number `attempt` only, when given); True if it did."""
    statement = update(Review).where(Review.id == review_id, Review.status.in_(UNFINISHED))
    if attempt is not None:
        statement = statement.where(
            Review.status == ReviewStatus.RUNNING, Review.attempts == attempt
        )
    return session.exec(statement.values(**values)).rowcount == 1


def _record_stage(*, session: Session, review_id: uuid.UUID, attempt: int, stage: Stage) -> bool:
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
