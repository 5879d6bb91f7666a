"""Identical submissions in flight share one run.

A submission whose code, language and LLM settings (its cache key) match a review still pending
or running is recorded but not queued: it follows that review, and completes with its result
when it completes. Should the leader fail, its followers are queued to run on their own. A
follower recorded in the instant its leader finishes is queued too; the sweeper queues any
follower that still waits past REVIEW_PENDING_TIMEOUT_SECONDS.
"""

import uuid

from sqlalchemy import update
from sqlmodel import Session, select

from review_app.db import session_scope
from review_app.models import Review, ReviewStatus
from review_app.review.models import ReviewResult
from review_app.services.live_channel import ProgressEvent, publish
from review_app.services.reviews import results as review_results
from review_app.work_queue.enqueue import enqueue_review

UNFINISHED = (ReviewStatus.PENDING, ReviewStatus.RUNNING)


def in_flight(session: Session, cache_key: str) -> uuid.UUID | None:
    """The oldest unfinished review of `cache_key`, which a new identical one can follow."""
    return session.exec(
        select(Review.id)
        .where(Review.cache_key == cache_key, Review.status.in_(UNFINISHED))
        .order_by(Review.created_at)
        .limit(1)
    ).first()


def queue_unless_followed(review_id: uuid.UUID, leader_id: uuid.UUID | None) -> bool:
    """Queue a just-recorded review, unless a leader still in flight will complete it; False
    if it had to be queued and the broker did not take it."""
    if leader_id is not None:
        with session_scope() as session:
            leader = session.get(Review, leader_id)
            if leader is not None and leader.status in UNFINISHED:
                return True
    return enqueue_review(review_id)


def _followers(session: Session, cache_key: str, leader_id: uuid.UUID) -> list[Review]:
    """Reviews of `cache_key` waiting for a first run (their own, or the leader's)."""
    return list(
        session.exec(
            select(Review).where(
                Review.cache_key == cache_key,
                Review.status == ReviewStatus.PENDING,
                Review.attempts == 0,
                Review.id != leader_id,
            )
        ).all()
    )


def complete_followers(
    session: Session, cache_key: str, leader_id: uuid.UUID, result: ReviewResult
) -> list[Review]:
    """Complete every follower of the leader with its result; returns those completed."""
    completed = []
    for follower in _followers(session, cache_key, leader_id):
        claimed = session.exec(
            update(Review)
            .where(Review.id == follower.id, Review.status == ReviewStatus.PENDING)
            .values(**review_results.completed_values(result, cached=True))
        ).rowcount
        if claimed:
            review_results.add_findings(session, follower, result)
            session.refresh(follower)
            completed.append(follower)
    return completed


def release_followers(cache_key: str, leader_id: uuid.UUID) -> None:
    """The leader failed: queue each of its followers for a run of its own."""
    with session_scope() as session:
        waiting = [review.id for review in _followers(session, cache_key, leader_id)]
    for review_id in waiting:
        enqueue_review(review_id)


def announce(reviews: list[Review]) -> None:
    """Push each review's new state to its owner's tabs."""
    for review in reviews:
        publish(ProgressEvent.model_validate(review), review.user_id)
