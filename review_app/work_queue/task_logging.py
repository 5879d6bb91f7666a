"""The worker logs like the web app (JSON lines, see logging_setup), and each task's lines name
the request id its sender put in the message header, from receipt to end."""

from typing import Any

import structlog
from celery import Task, signals
from celery.worker.request import Request

from review_app.logging_setup import configure_logging
from review_app.request_ids import CONTEXT_KEY, TASK_HEADER
from review_app.settings import get_settings

logger = structlog.get_logger(__name__)


@signals.celeryd_init.connect
def _configure_before_start(**_kwargs: Any) -> None:
    """Early, so even the worker's start-up warnings are JSON lines."""
    configure_logging(get_settings())


@signals.setup_logging.connect
def _configure_instead_of_celery(**_kwargs: Any) -> None:
    """A receiver here tells Celery to leave the logging to us (its embedded beat too)."""
    configure_logging(get_settings())


@signals.task_received.connect
def _received(request: Request, **_kwargs: Any) -> None:
    """The main process took a message: say whose request it serves."""
    logger.info(
        "task received",
        task=request.name,
        task_id=request.id,
        **_request_id(request.request_dict.get(TASK_HEADER)),
    )


@signals.task_prerun.connect
def _started(task_id: str, task: Task, **_kwargs: Any) -> None:
    """Bind the task's request id (and name) to every line of its run, then say it started."""
    structlog.contextvars.clear_contextvars()
    structlog.contextvars.bind_contextvars(
        **_request_id(task.request.get(TASK_HEADER)), task=task.name, task_id=task_id
    )
    logger.info("task started", retries=task.request.retries)


@signals.task_postrun.connect
def _ended(state: str | None = None, **_kwargs: Any) -> None:
    """Say how the task ended (Celery's own line, just before, also has the id); unbind."""
    logger.info("task ended", state=state)
    structlog.contextvars.clear_contextvars()


def _request_id(value: object) -> dict[str, str]:
    """The request id field, when the message carried one (the sweeper's re-sends do not)."""
    return {CONTEXT_KEY: value} if isinstance(value, str) and value else {}
