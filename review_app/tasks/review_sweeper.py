"""The periodic sweep (Celery beat) that re-queues stuck reviews."""

from review_app.services.reviews.sweeper import sweep_stuck_reviews
from review_app.work_queue.celery_app import celery_app
from review_app.work_queue.task_names import SWEEP_TASK


@celery_app.task(name=SWEEP_TASK, ignore_result=True)
def sweep_stuck_reviews_task() -> int:
    """Re-queue every stuck review; returns how many."""
    return len(sweep_stuck_reviews())
