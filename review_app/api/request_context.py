"""Every HTTP request carries a request id: answered in `X-Request-ID`, bound to each log line
the request causes (and to the reviews it queues), and named in one line saying how it ended."""

import time

import structlog
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import Message, Receive, Scope, Send

from review_app import request_ids
from review_app.api.http_middleware import HttpMiddleware
from review_app.api.request_metrics import FRONTEND, UNMATCHED, route_of

logger = structlog.get_logger(__name__)


class RequestContext(HttpMiddleware):
    """ASGI middleware: take or make the request's id, bind it, answer it, log the outcome."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on with its id bound; the answer carries the id."""
        client_id = Headers(scope=scope).get(request_ids.HEADER)
        request_id = request_ids.accepted_request_id(client_id)
        started, status = time.perf_counter(), 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                MutableHeaders(scope=message)[request_ids.HEADER] = request_id
            await send(message)

        with structlog.contextvars.bound_contextvars(**{request_ids.CONTEXT_KEY: request_id}):
            try:
                await self.app(scope, receive, sending)
            finally:
                _log_answer(scope, status, time.perf_counter() - started)


def _log_answer(scope: Scope, status: int, seconds: float) -> None:
    """One line per request, by route template (never a path, which may hold a token); the
    frontend's files only at debug level, unless they fail."""
    route = route_of(scope)
    quiet = route in (FRONTEND, UNMATCHED) and status < 400
    (logger.debug if quiet else logger.info)(
        "request answered",
        method=scope["method"],
        route=route,
        status=status,
        duration_ms=round(seconds * 1000, 1),
    )
