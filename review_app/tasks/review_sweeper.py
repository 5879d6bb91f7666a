"""The periodic sweep (Celery beat): re-queue stuck reviews and pull request runs, complete
stalled project reviews."""

from review_app.services.integrations.run_sweeper import sweep_stuck_runs
from review_app.services.reviews.project_progress import finish_stalled
from review_app.services.reviews.sweeper import sweep_stuck_reviews
from review_app.work_queue.celery_app import celery_app
from review_app.work_queue.task_names import SWEEP_TASK


@celery_app.task(name=SWEEP_TASK, ignore_result=True)
def sweep_stuck_reviews_task() -> int:
    """Re-queue every stuck review and pull request run, and complete project reviews left
    behind; returns how many reviews were queued again."""
    finish_stalled()
    sweep_stuck_runs()
    return len(sweep_stuck_reviews())
