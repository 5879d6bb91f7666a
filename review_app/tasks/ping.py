"""A trivial task that proves the queue round trip."""

from review_app.tasks.celery_app import celery_app


@celery_app.task(name="review_app.ping")
def ping() -> str:
    """Answer "pong" from a worker."""
    return "pong"
