"""Pull request tasks: read a pull request and start its review, then post the outcome once the
review has ended. A host outage is retried with backoff (then the run fails, and the admin page
shows the host's error); a refusal (revoked token, repository gone) fails the run at once."""

import uuid
from collections.abc import Callable

from celery import Task

from review_app.services.integrations import pull_requests
from review_app.services.integrations.hosts import HostError, HostRefusedError
from review_app.work_queue.celery_app import celery_app
from review_app.work_queue.enqueue import enqueue_pull_request_run
from review_app.work_queue.task_names import PUBLISH_PULL_REQUEST_TASK, REVIEW_PULL_REQUEST_TASK

HOST_RETRIES = 5
BACKOFF_SECONDS = 5
BACKOFF_MAX_SECONDS = 300
WAIT_SECONDS = 3.0  # between looks at a review still running

# At least once: a message whose worker died goes to another (each step is safe to repeat).
DELIVERY = {
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "max_retries": HOST_RETRIES,
    "ignore_result": True,
}


@celery_app.task(name=REVIEW_PULL_REQUEST_TASK, **DELIVERY)
def review_pull_request_task(self: Task, run_id: str) -> None:
    """Read the pull request of run `run_id` and start its change review."""
    _with_host(self, run_id, lambda: pull_requests.review_pull_request(uuid.UUID(run_id)))


@celery_app.task(name=PUBLISH_PULL_REQUEST_TASK, **DELIVERY)
def publish_pull_request_task(self: Task, run_id: str) -> None:
    """Post the outcome of run `run_id`, or look again shortly if its review is still running."""

    def publish() -> None:
        if not pull_requests.publish_pull_request(uuid.UUID(run_id)):
            enqueue_pull_request_run(uuid.UUID(run_id), publish=True, delay=WAIT_SECONDS)

    _with_host(self, run_id, publish)


def _with_host(task: Task, run_id: str, step: Callable[[], None]) -> None:
    """Run `step`; a refusal fails the run, an outage is retried with backoff, then fails it."""
    try:
        step()
    except HostRefusedError as error:
        pull_requests.fail_run(uuid.UUID(run_id), str(error))
    except HostError as error:
        if task.request.retries >= HOST_RETRIES:
            pull_requests.fail_run(uuid.UUID(run_id), str(error))
            return
        delay = min(BACKOFF_SECONDS * 2**task.request.retries, BACKOFF_MAX_SECONDS)
        raise task.retry(countdown=delay) from None
    except Exception as error:  # a bug of ours: the run says so instead of waiting forever
        pull_requests.fail_run(uuid.UUID(run_id), f"review_app failed here: {error!r}")
        raise
