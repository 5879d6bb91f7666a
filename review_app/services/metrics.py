"""Prometheus metrics of the platform's processes, read at `/metrics` (prometheus-client).

Every web process counts its own requests; with `PROMETHEUS_MULTIPROC_DIR` set (the launcher
gives each role its own folder, emptied at start) a scrape of any one process answers for all
processes of its role. `/metrics` is off unless `METRICS_TOKEN` is set, and then wants it as a
bearer token (the numbers name routes and volumes an outsider has no business reading).
"""

import hmac
import os
from collections.abc import Iterable

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector
from sqlalchemy.exc import SQLAlchemyError

from review_app.services.admin.jobs import queue_status
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


def count_request(route: str, method: str, status: int, seconds: float) -> None:
    """One answered HTTP request."""
    HTTP_REQUESTS.labels(route, method, str(status)).inc()
    HTTP_SECONDS.labels(route).observe(seconds)


def scrape(authorization: str | None) -> tuple[bytes, str]:
    """The metrics in Prometheus' text format, and its content type, for a scraper.

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
        MultiProcessCollector(registry, path=directory)
    else:
        registry.register(_ThisProcess())
    registry.register(_Queue())
    return generate_latest(registry), CONTENT_TYPE_LATEST


class _ThisProcess(Collector):
    """The metrics of this process alone (no multiprocess folder: a test, or one process)."""

    def collect(self) -> Iterable[Metric]:
        """Every metric of the process-wide registry."""
        return REGISTRY.collect()


class _Queue(Collector):
    """The review queue as it is at the scrape: waiting messages, reviews, live workers."""

    def collect(self) -> Iterable[Metric]:
        """Read from the broker and the database now (nothing when they do not answer)."""
        try:
            status = queue_status()
        except SQLAlchemyError:
            return  # the database is down: the health check says so
        if status.queue_depth is not None:
            yield GaugeMetricFamily(
                "review_app_queue_depth",
                "Review messages waiting in the broker.",
                value=status.queue_depth,
            )
            yield GaugeMetricFamily(
                "review_app_live_workers", "Workers whose heartbeat is fresh.", len(status.workers)
            )
        reviews = GaugeMetricFamily("review_app_reviews", "Reviews by status.", labels=["status"])
        for name in ("pending", "running", "completed", "failed"):
            reviews.add_metric([name], getattr(status, name))
        yield reviews
