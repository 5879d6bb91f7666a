"""`/metrics` of the running platform: whichever web process answers a scrape counts the
requests every web process served (prometheus-client's multiprocess mode), and the browser tabs
connected to any of them; a worker host serves the stages and outcomes of its reviews."""

import time
import uuid
from collections.abc import Callable

import httpx
from playwright.sync_api import Browser, expect
from prometheus_client.parser import text_string_to_metric_families

from support.platform import RunningPlatform
from support.seed import PASSWORD, add_project, add_user
from tests.e2e.conftest import METRICS_TOKEN

SCRAPER = {"Authorization": f"Bearer {METRICS_TOKEN}"}
REQUESTS = 40


def _openapi_requests_counted(platform: RunningPlatform) -> float:
    answer = platform.get("/metrics", headers=SCRAPER)
    assert answer.status_code == 200, answer.text
    return sum(
        sample.value
        for family in text_string_to_metric_families(answer.text)
        for sample in family.samples
        if sample.name == "review_app_http_requests_total"
        and sample.labels["route"] == "/openapi.json"
    )


def test_a_scrape_of_any_web_process_counts_every_web_process(platform: RunningPlatform) -> None:
    before = _openapi_requests_counted(platform)
    for _ in range(REQUESTS):
        assert platform.get("/openapi.json").status_code == 200  # a new connection each

    writers = list((platform.data_dir / "metrics" / "web").glob("counter_*.db"))
    scrapes = [_openapi_requests_counted(platform) - before for _ in range(8)]

    assert len(writers) >= 2  # two web processes served them
    assert scrapes == [REQUESTS] * 8


def _tabs_connected(platform: RunningPlatform) -> float:
    answer = platform.get("/metrics", headers=SCRAPER)
    return next(
        sample.value
        for family in text_string_to_metric_families(answer.text)
        for sample in family.samples
        if sample.name == "review_app_websocket_clients"
    )


def test_connected_tabs_are_counted_while_they_are_open(
    platform: RunningPlatform, browser: Browser
) -> None:
    before = _tabs_connected(platform)
    tab = browser.new_context().new_page()
    tab.goto(platform.url)
    expect(tab.get_by_role("button", name="Toggle dark mode")).to_be_enabled()  # hydrated

    _wait_for(lambda: _tabs_connected(platform) == before + 1)
    tab.context.close()
    _wait_for(lambda: _tabs_connected(platform) == before)


def _wait_for(condition: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the metric did not follow in time"
        time.sleep(0.2)


def _worker_samples(platform: RunningPlatform) -> dict[tuple[str, tuple], float]:
    port = platform.env["WORKER_METRICS_PORT"]
    answer = httpx.get(f"http://127.0.0.1:{port}/metrics", headers=SCRAPER, timeout=10)
    assert answer.status_code == 200, answer.text
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(answer.text)
        for sample in family.samples
    }


def test_the_worker_host_serves_its_review_stages_and_outcomes(
    platform_settings: RunningPlatform,
) -> None:
    user_id, email = add_user()
    project_id = add_project(user_id, {"app.py": "import pickle\n", "web.js": "eval(x)\n"})
    login = httpx.post(
        f"{platform_settings.url}/api/auth/login", json={"email": email, "password": PASSWORD}
    )
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
    code = f"import os\nos.system(input())  # {uuid.uuid4()}\n"  # never seen: not cached
    submitted = httpx.post(
        f"{platform_settings.url}/api/reviews",
        json={"code": code, "language": "python"},
        headers=headers,
    )
    review = f"{platform_settings.url}/api/reviews/{submitted.json()['id']}"
    project = f"{platform_settings.url}/api/projects/{project_id}/reviews"
    project_review = f"{project}/{httpx.post(project, headers=headers).json()['id']}"

    _wait_for(lambda: httpx.get(review, headers=headers).json()["status"] == "completed", 90)
    _wait_for(
        lambda: httpx.get(project_review, headers=headers).json()["status"] == "completed", 90
    )
    samples = _worker_samples(platform_settings)

    python = (("language", "python"), ("outcome", "completed"))
    assert samples["review_app_reviews_ended_total", python] >= 1
    static = (("language", "python"), ("stage", "static_analysis"))
    assert samples["review_app_review_stage_seconds_count", static] >= 1
    assert samples["review_app_llm_tokens_total", (("kind", "prompt"),)] > 0  # the test LLM
    batch = (("language", "project"), ("stage", "static_analysis"))  # a project's files
    assert samples["review_app_review_stage_seconds_count", batch] >= 1
    assert samples["review_app_reviews_ended_total", (("language", "javascript"), python[1])] >= 1
    refused = httpx.get(f"http://127.0.0.1:{platform_settings.env['WORKER_METRICS_PORT']}/metrics")
    assert refused.status_code == 401
