"""`/metrics` of the running platform: whichever web process answers a scrape counts the
requests every web process served (prometheus-client's multiprocess mode)."""

from prometheus_client.parser import text_string_to_metric_families

from support.platform import RunningPlatform
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
