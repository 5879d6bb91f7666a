"""A trivial task that proves the queue round trip."""

from review_app.work_queue.celery_app import celery_app
from review_app.work_queue.task_names import PING_TASK


@celery_app.task(name=PING_TASK)
def ping() -> str:
    """Answer "pong" from a worker."""
    return "pong"
