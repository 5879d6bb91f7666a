"""The review task: claim the review, run the pipeline through the service, record the outcome.

Delivery is at least once (acks_late with reject_on_worker_lost: a killed worker's review goes to
another); the service's compare-and-set claims make the effect exactly once.
"""

import logging
import uuid

from celery import Task
from celery.exceptions import SoftTimeLimitExceeded
from redis.exceptions import ConnectionError as RedisConnectionError
from sqlalchemy.exc import OperationalError

from review_app.services.reviews import runs as review_runs
from review_app.work_queue.celery_app import celery_app
from review_app.work_queue.task_names import RUN_REVIEW_TASK

logger = logging.getLogger(__name__)

# Passing failures of the database or Redis: the whole run is retried later, as a new attempt.
TRANSIENT_ERRORS = (OperationalError, RedisConnectionError)
RETRY_BACKOFF_MAX_SECONDS = 60  # far below the broker's visibility timeout


@celery_app.task(
    bind=True,
    name=RUN_REVIEW_TASK,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=RETRY_BACKOFF_MAX_SECONDS,
    retry_jitter=True,
    max_retries=3,
    ignore_result=True,
)
def run_review_task(self: Task, review_id: str) -> None:
    """Review the code of `review_id`; a finished, superseded or running review is left alone.

    The broker marks a message it gives back (its worker died) as redelivered; a retry is one too.
    """
    redelivered = bool((self.request.delivery_info or {}).get("redelivered"))
    attempt = review_runs.start_attempt(
        uuid.UUID(review_id), redelivered=redelivered or self.request.retries > 0
    )
    if attempt is None:
        return
    try:
        review_runs.run_attempt(attempt)
    except SoftTimeLimitExceeded:
        review_runs.fail_review(
            attempt.review_id, review_runs.timed_out_message(), attempt=attempt.number
        )
    except TRANSIENT_ERRORS:
        raise
    except Exception:
        logger.exception("review %s failed", review_id)
        review_runs.fail_review(
            attempt.review_id, review_runs.INTERNAL_ERROR_MESSAGE, attempt=attempt.number
        )
