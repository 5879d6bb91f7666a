"""A worker host's `/metrics`: the Celery worker's processes share their metrics folder, and
the main process serves it over HTTP for Prometheus once the worker is ready, on
`WORKER_METRICS_PORT` (0: not served), wanting `METRICS_TOKEN` as the web's `/metrics` does."""

import threading
from collections.abc import Callable, Iterable
from wsgiref.simple_server import WSGIRequestHandler, make_server

from celery.signals import worker_ready

from review_app.services import metrics, rate_limits
from review_app.services.errors import AuthenticationError, NotFoundError, RateLimitedError
from review_app.settings import get_settings

REFUSALS = {NotFoundError: "404 Not Found", AuthenticationError: "401 Unauthorized"}


def metrics_app(environ: dict, start_response: Callable) -> Iterable[bytes]:
    """WSGI: the worker's metrics at /metrics for the token's holder (counted per address)."""
    try:
        if environ.get("PATH_INFO") != "/metrics":
            raise NotFoundError("Only /metrics is served here.")
        rate_limits.count_request(rate_limits.per_ip(environ.get("REMOTE_ADDR")), writes=False)
        body, content_type = metrics.scrape(environ.get("HTTP_AUTHORIZATION"))
    except RateLimitedError as error:
        return _refuse(start_response, "429 Too Many Requests", str(error))
    except (NotFoundError, AuthenticationError) as error:
        return _refuse(start_response, REFUSALS[type(error)], str(error))
    start_response("200 OK", [("Content-Type", content_type)])
    return [body]


def _refuse(start_response: Callable, status: str, message: str) -> list[bytes]:
    start_response(status, [("Content-Type", "text/plain; charset=utf-8")])
    return [message.encode()]


class _QuietHandler(WSGIRequestHandler):
    """No line on stderr per scrape."""

    def log_message(self, *_args: object) -> None:
        """Say nothing."""


@worker_ready.connect
def serve_metrics(**_signal: object) -> None:
    """Serve the worker's metrics from a thread of its main process, if a port is set."""
    settings = get_settings()
    if not settings.worker_metrics_port:
        return
    server = make_server(
        settings.worker_metrics_host,
        settings.worker_metrics_port,
        metrics_app,
        handler_class=_QuietHandler,
    )
    threading.Thread(target=server.serve_forever, name="metrics", daemon=True).start()
