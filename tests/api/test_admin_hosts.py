"""The admin's view of the hosts: a worker host is up while its worker runs, shows as down
(silent since when) once its worker is killed, and a worker that stops cleanly leaves no trace."""

import os
import signal
import uuid

import pytest
from fastapi.testclient import TestClient

from review_app.processes import wait_for
from review_app.work_queue.hosts import SILENT_AFTER_SECONDS
from tests.api.test_admin import People
from tests.conftest import started_worker


@pytest.fixture
def people(api: TestClient, make_user, sign_in) -> People:
    return People(api, make_user, sign_in)


def _roles_on(people: People, host: str) -> list[dict]:
    return [row for row in people.admin("GET", "/api/admin/hosts")["hosts"] if row["host"] == host]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # Redis, not SQL, on trial
def test_a_worker_host_is_up_then_down_when_killed_and_leaves_when_stopped(
    database_url: str, people: People, redis_client, set_env
) -> None:
    host = f"worker-host-{uuid.uuid4().hex[:6]}"
    set_env(HOST_NAME=host)
    with started_worker(redis_client) as worker:
        [up] = _roles_on(people, host)
        assert (up["role"], up["status"], up["processes_up"], up["processes_silent"]) == (
            "worker",
            "up",
            1,
            0,
        )
        os.killpg(worker.process.pid, signal.SIGKILL)  # the host dies: no goodbye

        def down() -> bool:
            return [row["status"] for row in _roles_on(people, host)] == ["down"]

        wait_for(down, timeout=SILENT_AFTER_SECONDS + 10, what="the killed worker's host down")
    [silent] = _roles_on(people, host)
    assert (silent["processes_up"], silent["processes_silent"]) == (0, 1)
    assert silent["seen_at"] >= up["seen_at"]  # its last beat: silent since then

    with started_worker(redis_client):  # a new worker on the host: up again
        assert [row["status"] for row in _roles_on(people, host)] == ["up"]
    [left] = _roles_on(people, host)  # it stopped cleanly: only the killed one is remembered
    assert (left["status"], left["processes_up"], left["processes_silent"]) == ("down", 0, 1)


def test_the_database_and_redis_answer_with_their_latency(people: People) -> None:
    dependencies = people.admin("GET", "/api/admin/hosts")["dependencies"]
    assert [(d["name"], d["ok"]) for d in dependencies] == [
        ("Database", True),
        ("Redis", True),
        ("Broker", True),
    ]
    assert all(0 <= d["latency_ms"] < 5000 for d in dependencies)
