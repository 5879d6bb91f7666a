"""The sweeper queues stuck reviews again, once each, however often it runs."""

import uuid
from datetime import timedelta

from review_app.db import session_scope
from review_app.models import Review, utcnow
from review_app.services.reviews import runs as review_runs
from review_app.services.reviews import submissions as reviews
from review_app.services.reviews.sweeper import RUNNING_MARGIN_SECONDS, sweep_stuck_reviews

CODE = "def add(a, b):\n    return a + b\n"
CELERY_QUEUE = "celery"


def _backdate(review_id: uuid.UUID, **columns: timedelta) -> None:
    with session_scope() as session:
        review = session.get(Review, review_id)
        for column, age in columns.items():
            setattr(review, column, utcnow() - age)
        session.add(review)


def test_a_review_waiting_too_long_in_the_queue_is_queued_again_once(
    user_id: uuid.UUID, redis_client
) -> None:
    review_id = reviews.submit_review(user_id=user_id, language="python", code=CODE).id
    assert sweep_stuck_reviews() == []  # a fresh review may wait
    _backdate(review_id, queued_at=timedelta(minutes=11))

    assert sweep_stuck_reviews() == [review_id]
    assert sweep_stuck_reviews() == []
    assert redis_client.llen(CELERY_QUEUE) == 2
    detail = reviews.get_review(user_id=user_id, review_id=review_id)
    assert (detail.status, detail.stage) == ("pending", "queued")


def test_a_review_running_past_the_hard_limit_is_queued_again(
    user_id: uuid.UUID, redis_client, set_env
) -> None:
    set_env(TASK_SOFT_TIME_LIMIT="60", TASK_HARD_TIME_LIMIT="120")
    review_id = reviews.submit_review(user_id=user_id, language="python", code=CODE).id
    lost = review_runs.start_attempt(review_id)
    _backdate(review_id, started_at=timedelta(seconds=120 + RUNNING_MARGIN_SECONDS - 5))
    assert sweep_stuck_reviews() == []  # it may still be running
    _backdate(review_id, started_at=timedelta(seconds=120 + RUNNING_MARGIN_SECONDS + 5))

    assert sweep_stuck_reviews() == [review_id]
    detail = reviews.get_review(user_id=user_id, review_id=review_id)
    assert (detail.status, detail.progress, detail.stage) == ("pending", 0, "queued")
    assert review_runs.run_attempt(lost) is False  # the lost run can no longer write
    assert review_runs.start_attempt(review_id).number == 2
