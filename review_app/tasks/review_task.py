"""The review task: claim the review, run the pipeline through the service, record the outcome.

Delivery is at least once (acks_late with reject_on_worker_lost: a killed worker's review goes to
another); the service's compare-and-set claims make the effect exactly once.
"""

import logging
import uuid
from collections.abc import Callable

import structlog
from celery import Task
from celery.exceptions import SoftTimeLimitExceeded
from redis.exceptions import ConnectionError as RedisConnectionError
from sqlalchemy.exc import OperationalError

from review_app.request_ids import CONTEXT_KEY, current_request_id
from review_app.services.reviews import batch_runs
from review_app.services.reviews import runs as review_runs
from review_app.work_queue.celery_app import celery_app
from review_app.work_queue.task_names import RUN_REVIEW_BATCH_TASK, RUN_REVIEW_TASK

logger = logging.getLogger(__name__)

# Passing failures of the database or Redis: the whole run is retried later, as a new attempt.
TRANSIENT_ERRORS = (OperationalError, RedisConnectionError)
RETRY_BACKOFF_MAX_SECONDS = 60  # far below the broker's visibility timeout


# At least once: a message whose worker died goes to another; retried on passing failures.
DELIVERY = {
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": True,
    "retry_backoff_max": RETRY_BACKOFF_MAX_SECONDS,
    "retry_jitter": True,
    "max_retries": 3,
    "ignore_result": True,
}


@celery_app.task(name=RUN_REVIEW_TASK, **DELIVERY)
def run_review_task(self: Task, review_id: str) -> None:
    """Review the code of `review_id`; a finished, superseded or running review is left alone.

    The broker marks a message it gives back (its worker died) as redelivered; a retry is one too.
    """
    attempts = _claim(self, [review_id])
    if attempts:
        _bind_request_id(attempts[0])
        _guarded(attempts, lambda: review_runs.run_attempt(attempts[0]))


@celery_app.task(name=RUN_REVIEW_BATCH_TASK, **DELIVERY)
def run_review_batch_task(self: Task, review_ids: list[str]) -> None:
    """Review the files of `review_ids` together (a project review's); each one finished,
    superseded or running elsewhere is left alone."""
    attempts = _claim(self, review_ids)
    if attempts:
        _guarded(attempts, lambda: batch_runs.run_batch(attempts))


def _claim(task: Task, review_ids: list[str]) -> list[review_runs.Attempt]:
    """Claim each review for a run of this delivery; those another run owns are left out."""
    redelivered = bool((task.request.delivery_info or {}).get("redelivered"))
    redelivered = redelivered or task.request.retries > 0
    claimed = (
        review_runs.start_attempt(uuid.UUID(review_id), redelivered=redelivered)
        for review_id in review_ids
    )
    return [attempt for attempt in claimed if attempt is not None]


def _bind_request_id(attempt: review_runs.Attempt) -> None:
    """A message sent again by the sweeper has no request id: the review's own names its run."""
    if attempt.request_id and not current_request_id():
        structlog.contextvars.bind_contextvars(**{CONTEXT_KEY: attempt.request_id})


def _guarded(attempts: list[review_runs.Attempt], run: Callable[[], object]) -> None:
    """Run; out of time or crashed, the reviews still this run's fail with a reason."""
    try:
        run()
    except SoftTimeLimitExceeded:
        batch_runs.fail_all(attempts, review_runs.timed_out_message())
    except TRANSIENT_ERRORS:
        raise
    except Exception:
        logger.exception("reviews %s failed", [str(attempt.review_id) for attempt in attempts])
        batch_runs.fail_all(attempts, review_runs.INTERNAL_ERROR_MESSAGE)
