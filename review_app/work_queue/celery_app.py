"""The Celery application: JSON only, no task ever dropped, on Redis or on RabbitMQ."""

from typing import Any

from celery import Celery

from review_app.settings import Settings, get_settings
from review_app.work_queue import task_logging  # noqa: F401  (connects the logging signals)
from review_app.work_queue.heartbeat import WorkerHeartbeat
from review_app.work_queue.task_names import SWEEP_TASK, TASK_MODULES


def broker_options(settings: Settings) -> dict[str, Any]:
    """What keeps an accepted message on the broker in use.

    Redis: a message unacked past the visibility timeout is delivered again, so the timeout
    must outlast the hard time limit. RabbitMQ: a durable quorum queue (replicated, on disk)
    and publisher confirms, so a send returns only once the broker has the message; a topic
    exchange lets Celery delay countdowns natively, as quorum queues require.
    """
    if settings.broker_is_rabbitmq:
        return {
            "task_default_queue_type": "quorum",
            "task_create_missing_queue_type": "quorum",
            "task_default_exchange_type": "topic",
            "worker_detect_quorum_queues": True,
            "task_default_delivery_mode": "persistent",
            "broker_transport_options": {"confirm_publish": True},
        }
    visibility = settings.task_hard_time_limit + 60
    return {
        "broker_transport_options": {
            "visibility_timeout": visibility,
            "unacked_restore_throttle": 1,
        }
    }


def create_celery_app() -> Celery:
    """Build the Celery app from the settings: the broker of CELERY_BROKER_URL, results on Redis.

    acks_late together with reject_on_worker_lost re-queues a task whose worker process dies.
    """
    settings = get_settings()
    redis_url = settings.effective_redis_url
    app = Celery(
        "review_app",
        broker=settings.effective_broker_url,
        backend=redis_url,
        include=TASK_MODULES,
    )
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
        result_backend_transport_options={"visibility_timeout": settings.task_hard_time_limit + 60},
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
        **broker_options(settings),
    )
    app.steps["worker"].add(WorkerHeartbeat)
    return app


celery_app = create_celery_app()
