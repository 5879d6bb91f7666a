"""The Celery application: broker and results on Redis, JSON only, no task ever dropped."""

from celery import Celery

from review_app.settings import get_settings
from review_app.work_queue import task_logging  # noqa: F401  (connects the logging signals)
from review_app.work_queue.heartbeat import WorkerHeartbeat
from review_app.work_queue.task_names import SWEEP_TASK, TASK_MODULES


def create_celery_app() -> Celery:
    """Build the Celery app from the settings.

    acks_late together with reject_on_worker_lost re-queues a task whose worker process dies;
    the visibility timeout must outlast the hard time limit, or a slow task is delivered twice.
    """
    settings = get_settings()
    redis_url = settings.effective_redis_url
    visibility = {"visibility_timeout": settings.task_hard_time_limit + 60}
    app = Celery("review_app", broker=redis_url, backend=redis_url, include=TASK_MODULES)
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        result_accept_content=["json"],
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_soft_time_limit=settings.task_soft_time_limit,
        task_time_limit=settings.task_hard_time_limit,
        broker_transport_options={**visibility, "unacked_restore_throttle": 1},
        result_backend_transport_options=visibility,
        result_expires=24 * 3600,
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        enable_utc=True,
        beat_schedule={
            "sweep-stuck-reviews": {
                "task": SWEEP_TASK,
                "schedule": float(settings.review_sweep_seconds),
                "options": {"expires": float(settings.review_sweep_seconds)},
            }
        },
    )
    app.steps["worker"].add(WorkerHeartbeat)
    return app


celery_app = create_celery_app()
