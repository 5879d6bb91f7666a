"""RabbitMQ down while Redis answers: a submission is refused (503) as when Redis is down, and
the admin's queue and hosts, /metrics and /healthz say the broker is down instead of guessing."""

import time

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from review_app.embedded_redis import free_port
from review_app.services.reviews.submissions import QUEUE_DOWN
from tests.api.conftest import bearer
from tests.conftest import use_broker

SCRAPER = "scrape-the-queue"


def test_a_review_is_refused_while_rabbitmq_is_down_and_the_queue_says_so(
    api: TestClient, people, make_user, sign_in, set_env, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_env(METRICS_TOKEN=SCRAPER)
    ada = people("ada")
    make_user("root@example.com", role="admin")
    admin = bearer(sign_in("root@example.com")["access_token"])
    nobody_listens = f"amqp://guest:guest@127.0.0.1:{free_port()}//"
    with use_broker(monkeypatch, nobody_listens, empty_after=False):
        started = time.monotonic()
        refused = api.post(
            "/api/reviews", json={"code": "x = 1\n", "language": "python"}, headers=ada
        )
        waited = time.monotonic() - started
        history = api.get("/api/reviews", headers=ada).json()["items"]
        queue = api.get("/api/admin/queue", headers=admin).json()
        hosts = api.get("/api/admin/hosts", headers=admin).json()
        scrape = api.get("/metrics", headers={"Authorization": f"Bearer {SCRAPER}"}).text
        health = api.get("/healthz")

    assert (refused.status_code, refused.json()["detail"]) == (503, QUEUE_DOWN)
    assert waited < 5
    assert [(review["status"], review["error"]) for review in history] == [("failed", QUEUE_DOWN)]
    assert (queue["broker_ok"], queue["queue_depth"], queue["redis_ok"]) == (False, None, True)
    assert (queue["pending"], queue["failed"]) == (0, 1)
    reached = {service["name"]: service["ok"] for service in hosts["dependencies"]}
    assert reached == {"Database": True, "Redis": True, "Broker": False}
    assert health.status_code == 503
    assert health.json() == {
        "status": "down",
        "database": "ok",
        "redis": "ok",
        "broker": "down",
        "workers": 0,
    }
    gauges = {family.name for family in text_string_to_metric_families(scrape)}
    assert "review_app_queue_depth" not in gauges
    assert {"review_app_reviews", "review_app_live_workers"} <= gauges
