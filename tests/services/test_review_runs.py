"""A review is claimed per run, so a redelivered or duplicated message never writes twice."""

import uuid
from pathlib import Path

from sqlmodel import func, select

from review_app.db import session_scope
from review_app.models import Review, ReviewFinding
from review_app.services.live_channel import review_channel
from review_app.services.reviews import runs as review_runs
from review_app.services.reviews import submissions as reviews
from support.pubsub import listening, read_events

DEFECTS = (
    Path(__file__).resolve().parents[1] / "fixtures" / "review" / "python_defects.py"
).read_text()


def _submit(user_id: uuid.UUID, code: str = DEFECTS) -> uuid.UUID:
    return reviews.submit_review(user_id=user_id, language="python", code=code).id


def _row(review_id: uuid.UUID) -> tuple[Review, int]:
    with session_scope() as session:
        findings = session.exec(
            select(func.count()).where(ReviewFinding.review_id == review_id)
        ).one()
        return session.get(Review, review_id), findings


def test_a_redelivered_review_is_taken_over_and_completed_once(user_id: uuid.UUID) -> None:
    review_id = _submit(user_id)
    crashed = review_runs.start_attempt(review_id)
    redelivered = review_runs.start_attempt(review_id)
    assert (crashed.number, redelivered.number) == (1, 2)

    assert review_runs.run_attempt(crashed) is False  # superseded at its first stage
    assert review_runs.run_attempt(redelivered) is True
    review, findings = _row(review_id)
    assert (review.status, review.attempts, review.stage) == ("completed", 2, "done")
    assert findings == len(review.result["findings"]) > 0

    assert review_runs.start_attempt(review_id) is None  # a completed review never runs again
    detail = reviews.get_review(user_id=user_id, review_id=review_id)
    assert review_runs.complete_review(crashed, detail.result) is False
    assert _row(review_id)[1] == findings


def test_duplicate_messages_leave_a_live_run_alone(user_id: uuid.UUID) -> None:
    """A busy queue holds several messages for a review the sweep queued again: before, each
    took the review over from its live run, and the fourth failed it as out of attempts."""
    review_id = _submit(user_id)
    live = review_runs.start_attempt(review_id, redelivered=False)
    for _ in range(4):
        assert review_runs.start_attempt(review_id, redelivered=False) is None

    assert review_runs.run_attempt(live) is True
    review, findings = _row(review_id)
    assert (review.status, review.attempts) == ("completed", 1)
    assert findings == len(review.result["findings"])


def test_a_review_whose_worker_keeps_dying_fails_after_the_last_attempt(
    user_id: uuid.UUID, set_env, redis_client
) -> None:
    set_env(REVIEW_MAX_ATTEMPTS="2")
    review_id = _submit(user_id)
    events = redis_client.pubsub()
    events.subscribe(review_channel(review_id))
    listening(events)
    assert review_runs.start_attempt(review_id).number == 1
    assert review_runs.start_attempt(review_id).number == 2
    assert review_runs.start_attempt(review_id) is None

    detail = reviews.get_review(user_id=user_id, review_id=review_id)
    assert (detail.status, detail.stage, detail.progress) == ("failed", "failed", 100)
    assert detail.error.startswith("The review was stopped after 2 attempts")
    [(_, event)] = read_events(events, until=lambda event: event["status"] == "failed")
    assert (event["stage"], event["error"]) == ("failed", detail.error)
    events.close()
