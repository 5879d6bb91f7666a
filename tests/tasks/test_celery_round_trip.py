"""A real worker takes tasks from Redis and answers through the result backend."""

import pytest
from kombu.exceptions import EncodeError

from review_app.tasks.ping import ping
from review_app.work_queue.celery_app import celery_app
from review_app.work_queue.heartbeat import live_worker_count


def test_a_task_round_trips_through_a_real_worker(celery_worker: str) -> None:
    result = ping.delay()
    assert result.get(timeout=20) == "pong"
    assert result.status == "SUCCESS"


def test_the_worker_reports_its_heartbeat(celery_worker: str) -> None:
    assert live_worker_count() == 1


def test_only_json_crosses_the_queue() -> None:
    with pytest.raises(EncodeError):
        celery_app.send_task("review_app.ping", args=[object()])


def test_a_slow_task_is_never_redelivered_while_it_may_still_run() -> None:
    conf = celery_app.conf
    visibility = conf.broker_transport_options["visibility_timeout"]
    assert conf.task_soft_time_limit < conf.task_time_limit < visibility
