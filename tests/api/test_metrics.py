"""`/metrics`: requests counted by route template, method and status, for a Prometheus scraper
holding the metrics token, and for nobody else."""

import os
import subprocess
import sys
import uuid

from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from review_app.services.reviews import runs as review_runs

TOKEN = "scrape-me-" + uuid.uuid4().hex
SCRAPER = {"Authorization": f"Bearer {TOKEN}"}
QUEUE_GAUGES = ("review_app_queue_depth", "review_app_reviews", "review_app_live_workers")


def requests_counted(api: TestClient) -> dict[tuple[str, str, str], float]:
    """What a scrape says of the requests answered so far: (route, method, status) -> count."""
    answer = api.get("/metrics", headers=SCRAPER)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/plain; version=")
    counted = {}
    for family in text_string_to_metric_families(answer.text):
        for sample in family.samples:
            if sample.name == "review_app_http_requests_total":
                labels = sample.labels
                counted[labels["route"], labels["method"], labels["status"]] = sample.value
    return counted


def test_requests_are_counted_by_route_template_and_status(api: TestClient, set_env) -> None:
    set_env(METRICS_TOKEN=TOKEN)
    before = requests_counted(api)

    api.get("/openapi.json")
    api.get(f"/api/reviews/{uuid.uuid4()}")  # no token: 401
    api.get(f"/api/reviews/{uuid.uuid4()}")
    api.get("/no/such/page/at/all")
    after = requests_counted(api)

    changed = {key: count - before.get(key, 0) for key, count in after.items()}
    assert {key: count for key, count in changed.items() if count} == {
        ("/openapi.json", "GET", "200"): 1,
        ("/api/reviews/{review_id}", "GET", "401"): 2,  # one label for every id
        ("(unmatched)", "GET", "404"): 1,
        ("/metrics", "GET", "200"): 1,  # the first scrape
    }


def test_only_the_token_holder_reads_them_and_only_when_turned_on(api: TestClient, set_env) -> None:
    assert api.get("/metrics", headers=SCRAPER).status_code == 404  # no METRICS_TOKEN: off
    set_env(METRICS_TOKEN=TOKEN)
    assert api.get("/metrics").status_code == 401
    wrong = api.get("/metrics", headers={"Authorization": "Bearer not-the-token"})
    assert wrong.status_code == 401
    assert "review_app_http" not in wrong.text
    assert api.get("/metrics", headers=SCRAPER).status_code == 200


def scraped(api: TestClient, names: tuple[str, ...] = QUEUE_GAUGES) -> dict[str, float]:
    """What a scrape says of the samples named: name (with its label values) -> value."""
    answer = api.get("/metrics", headers=SCRAPER)
    return {
        sample.name + "".join(f"[{value}]" for value in sample.labels.values()): sample.value
        for family in text_string_to_metric_families(answer.text)
        for sample in family.samples
        if sample.name in names
    }


def test_the_queue_is_read_at_each_scrape(api: TestClient, people, set_env, broker: str) -> None:
    set_env(METRICS_TOKEN=TOKEN)
    empty = scraped(api)
    submitted = api.post(
        "/api/reviews", json={"code": "x = 1\n", "language": "python"}, headers=people("ada")
    )
    assert submitted.status_code == 202, submitted.text

    waiting = scraped(api)

    assert waiting["review_app_queue_depth"] == empty["review_app_queue_depth"] + 1
    assert waiting["review_app_reviews[pending]"] == empty["review_app_reviews[pending]"] + 1
    assert waiting["review_app_live_workers"] == 0  # nothing takes it: no worker here


def test_cache_hits_and_misses_are_counted(api: TestClient, people, set_env) -> None:
    set_env(METRICS_TOKEN=TOKEN, RATE_LIMIT_SUBMIT="100/hour")
    lookups = ("review_app_cache_lookups_total",)
    code = f"answer = {uuid.uuid4().int}\n"

    def submit() -> dict:
        body = {"code": code, "language": "python"}
        submitted = api.post("/api/reviews", json=body, headers=people("ada"))
        assert submitted.status_code == 202, submitted.text
        return submitted.json()

    before = scraped(api, lookups)
    review_runs.run_attempt(review_runs.start_attempt(uuid.UUID(submit()["id"])))
    assert submit()["cached"] is True
    assert submit()["cached"] is True
    after = scraped(api, lookups)

    counted = {key: after[key] - before.get(key, 0) for key in after}
    assert counted == {
        "review_app_cache_lookups_total[miss]": 1,
        "review_app_cache_lookups_total[hit]": 2,
    }


# A process of a role that counts one connected tab; it says "counted" and then lives on, or dies
# at once without a word (as when killed or crashed).
TAB_HOLDER = """
import os, sys, time
from review_app.services.metrics import WEBSOCKET_CLIENTS
WEBSOCKET_CLIENTS.inc()
print("counted", flush=True)
if sys.argv[1] == "crash":
    os._exit(1)
time.sleep(120)
"""


def test_tabs_of_a_process_that_died_are_not_counted(api: TestClient, set_env, tmp_path) -> None:
    folder = tmp_path / "metrics"  # the role's folder, as the launcher gives it
    folder.mkdir()
    set_env(METRICS_TOKEN=TOKEN, PROMETHEUS_MULTIPROC_DIR=str(folder))
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(folder)}
    holders = [
        subprocess.Popen(
            [sys.executable, "-c", TAB_HOLDER, fate], env=env, stdout=subprocess.PIPE, text=True
        )
        for fate in ("live", "crash")
    ]
    try:
        assert [holder.stdout.readline().strip() for holder in holders] == ["counted"] * 2
        holders[1].wait(timeout=30)

        assert scraped(api, ("review_app_websocket_clients",)) == {
            "review_app_websocket_clients": 1
        }
    finally:
        holders[0].kill()
        holders[0].wait()
