"""Prometheus metrics of the platform's processes, read at `/metrics` (prometheus-client).

Every web process counts its own requests; with `PROMETHEUS_MULTIPROC_DIR` set (the launcher
gives each role its own folder, emptied at start) a scrape of any one process answers for all
processes of its role. `/metrics` is off unless `METRICS_TOKEN` is set, and then wants it as a
bearer token (the numbers name routes and volumes an outsider has no business reading).
"""

import hmac
import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector

from review_app.services.errors import AuthenticationError, NotFoundError
from review_app.settings import get_settings

MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"
HTTP_REQUESTS = Counter(
    "review_app_http_requests",
    "HTTP requests answered, by route (its template), method and status.",
    ["route", "method", "status"],
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
    registry = REGISTRY
    if directory := os.environ.get(MULTIPROCESS_DIR):
        registry = CollectorRegistry()
        MultiProcessCollector(registry, path=directory)
    return generate_latest(registry), CONTENT_TYPE_LATEST
