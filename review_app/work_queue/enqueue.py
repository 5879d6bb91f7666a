"""Hand reviews to the workers: one Celery message per review, whose task id is the review id."""

import logging
import uuid
from collections.abc import Sequence

from amqp.exceptions import MessageNacked
from celery import group
from kombu.exceptions import OperationalError
from redis import RedisError

from review_app.request_ids import TASK_HEADER, current_request_id
from review_app.work_queue.task_names import (
    PUBLISH_PULL_REQUEST_TASK,
    REVIEW_PULL_REQUEST_TASK,
    RUN_REVIEW_BATCH_TASK,
    RUN_REVIEW_TASK,
)

logger = logging.getLogger(__name__)

# The broker did not take the message: down, unreachable, or (RabbitMQ) it refused to confirm it.
BROKER_ERRORS = (OperationalError, RedisError, OSError, MessageNacked)


def enqueue_review(review_id: uuid.UUID) -> bool:
    """Queue the review by task name (no import of the worker's code); False if the broker is down.

    A fresh submission that could not be queued is refused; any other review stays pending, and
    the sweeper queues it again later.
    """
    # Imported on first use: the Celery app reads the broker URL from the settings when it is
    # built, and importing the API (in a test's conftest, say) must not fix it too early.
    from review_app.work_queue.celery_app import celery_app

    try:
        # ignore_result as the task itself declares: else the sender subscribes to a result
        # channel (and unsubscribes) for every review, a result that is never stored.
        celery_app.send_task(
            RUN_REVIEW_TASK,
            args=[str(review_id)],
            task_id=str(review_id),
            ignore_result=True,
            headers=_request_headers(),
        )
    except BROKER_ERRORS as error:
        logger.warning("review %s not queued, the sweeper will retry: %s", review_id, error)
        return False
    return True


def enqueue_reviews(review_ids: Sequence[uuid.UUID], batch_size: int) -> bool:
    """Queue the reviews of a project's files in batches of `batch_size` (each analyzer then
    starts once per batch), sent as one Celery group over one connection; False if the broker
    is down, when the sweeper queues them later, one by one, as `enqueue_review` says."""
    from review_app.work_queue.celery_app import celery_app

    if not review_ids:
        return True
    ids = [str(review_id) for review_id in review_ids]
    batches = group(
        celery_app.signature(
            RUN_REVIEW_BATCH_TASK,
            args=[ids[start : start + batch_size]],
            ignore_result=True,
            headers=_request_headers(),
        )
        for start in range(0, len(ids), batch_size)
    )
    try:
        batches.apply_async()
    except BROKER_ERRORS as error:
        logger.warning("%d reviews not queued, the sweeper will retry: %s", len(ids), error)
        return False
    return True


def enqueue_pull_request_run(run_id: uuid.UUID, *, publish: bool = False, delay: float = 0) -> bool:
    """Queue a pull request's review (or, with `publish`, posting its result once the review has
    ended, after `delay` seconds); False if the broker is down."""
    from review_app.work_queue.celery_app import celery_app

    name = PUBLISH_PULL_REQUEST_TASK if publish else REVIEW_PULL_REQUEST_TASK
    try:
        celery_app.send_task(
            name,
            args=[str(run_id)],
            countdown=delay,
            ignore_result=True,
            headers=_request_headers(),
        )
    except BROKER_ERRORS as error:
        logger.warning("pull request run %s not queued: %s", run_id, error)
        return False
    return True


def _request_headers() -> dict[str, str]:
    """The message header that carries the request id of the work in hand to the worker."""
    request_id = current_request_id()
    return {TASK_HEADER: request_id} if request_id else {}
