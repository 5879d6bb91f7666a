"""Prometheus metrics of the platform's processes, read at `/metrics` (prometheus-client).

Every web process counts its own requests; with `PROMETHEUS_MULTIPROC_DIR` set (the launcher
gives each role its own folder, emptied at start) a scrape of any one process answers for all
processes of its role. `/metrics` is off unless `METRICS_TOKEN` is set, and then wants it as a
bearer token (the numbers name routes and volumes an outsider has no business reading).
"""

import hmac
import os
import time
from collections.abc import Iterable
from pathlib import Path

import psutil
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import Metric
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead
from prometheus_client.registry import Collector

from review_app.review.models import LLMStatus
from review_app.services.errors import AuthenticationError, NotFoundError
from review_app.settings import get_settings

MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"
HTTP_REQUESTS = Counter(
    "review_app_http_requests",
    "HTTP requests answered, by route (its template), method and status.",
    ["route", "method", "status"],
)
WEBSOCKET_CLIENTS = Gauge(
    "review_app_websocket_clients",
    "Browser tabs connected over the websocket (live updates).",
    multiprocess_mode="livesum",
)
HTTP_SECONDS = Histogram(
    "review_app_http_request_seconds",
    "Time to answer an HTTP request, by route.",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)


REVIEW_STAGE_SECONDS = Histogram(
    "review_app_review_stage_seconds",
    "Time a review spent in each stage of its run, by language.",
    ["stage", "language"],
    buckets=(0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120, 300),
)
REVIEWS_ENDED = Counter(
    "review_app_reviews_ended",
    "Review runs ended by a worker, by language and outcome (completed, failed).",
    ["language", "outcome"],
)
LLM_TOKENS = Counter(
    "review_app_llm_tokens", "Tokens the LLM was sent and answered with.", ["kind"]
)
CACHE_LOOKUPS = Counter(
    "review_app_cache_lookups",
    "Submissions looked up in the result cache, by result (hit, miss); the hit rate is"
    " hit / (hit + miss).",
    ["result"],
)
LLM_UNAVAILABLE = Counter(
    "review_app_llm_unavailable",
    "Reviews whose LLM part could not be had (the static findings stand alone).",
)


class StageClock:
    """Times a review's run stage by stage (one per run, in the worker; a project's batch of
    files is timed as language "project")."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._stage: str | None = None
        self._since = time.monotonic()

    def reached(self, stage: str) -> None:
        """The run moved on to `stage`: the stage before it is timed."""
        now = time.monotonic()
        if self._stage is not None:
            REVIEW_STAGE_SECONDS.labels(self._stage, self.language).observe(now - self._since)
        self._stage, self._since = stage, now

    def stop(self) -> None:
        """The run ended: its last stage is timed."""
        self.reached("")


def count_ended(language: str, outcome: str, llm: LLMStatus | None = None) -> None:
    """A review run ended (completed or failed), with what its LLM part cost."""
    REVIEWS_ENDED.labels(language, outcome).inc()
    if llm is not None and llm.state == "ok":
        LLM_TOKENS.labels("prompt").inc(llm.prompt_tokens)
        LLM_TOKENS.labels("completion").inc(llm.completion_tokens)
    elif llm is not None and llm.state == "unavailable":
        LLM_UNAVAILABLE.inc()


def count_cache_lookup(*, hit: bool) -> None:
    """A submission looked for its answer in the result cache."""
    CACHE_LOOKUPS.labels("hit" if hit else "miss").inc()


def count_request(route: str, method: str, status: int, seconds: float) -> None:
    """One answered HTTP request."""
    HTTP_REQUESTS.labels(route, method, str(status)).inc()
    HTTP_SECONDS.labels(route).observe(seconds)


def scrape(authorization: str | None, *read_now: Collector) -> tuple[bytes, str]:
    """The metrics in Prometheus' text format, and its content type, for a scraper; `read_now`
    collect what is read at the scrape (the queue, say).

    Raises:
        NotFoundError: metrics are not served (no METRICS_TOKEN).
        AuthenticationError: the request does not carry the token.
    """
    token = get_settings().metrics_token.get_secret_value()
    if not token:
        raise NotFoundError("Metrics are not served here: set METRICS_TOKEN to turn them on.")
    scheme, _, presented = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(presented, token):
        raise AuthenticationError("Send the metrics token as 'Authorization: Bearer'.")
    registry = CollectorRegistry()
    if directory := os.environ.get(MULTIPROCESS_DIR):
        _forget_dead_processes(directory)
        MultiProcessCollector(registry, path=directory)
    else:
        registry.register(_ThisProcess())
    for collector in read_now:
        registry.register(collector)
    return generate_latest(registry), CONTENT_TYPE_LATEST


def _forget_dead_processes(directory: str) -> None:
    """The live gauges (tabs connected) of a process that died without saying so (killed, or
    crashed and restarted by the server) would count on: its files go before the scrape."""
    for path in Path(directory).glob("gauge_live*_*.db"):
        pid = int(path.stem.rsplit("_", 1)[1])
        if not psutil.pid_exists(pid):
            mark_process_dead(pid, directory)


class _ThisProcess(Collector):
    """The metrics of this process alone (no multiprocess folder: a test, or one process)."""

    def collect(self) -> Iterable[Metric]:
        """Every metric of the process-wide registry."""
        return REGISTRY.collect()
