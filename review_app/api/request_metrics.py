"""Every HTTP request is counted and timed by the route it matched (services/metrics.py), and
`/metrics` serves the numbers to Prometheus."""

import time
from typing import Annotated

from fastapi import APIRouter, Header, Response
from starlette.types import Message, Receive, Scope, Send

from review_app.api.http_middleware import HttpMiddleware
from review_app.services import metrics
from review_app.services.admin.queue_metrics import QueueMetrics

router = APIRouter(include_in_schema=False)
UNMATCHED = "(unmatched)"
FRONTEND = "(frontend)"


@router.get("/metrics")
def scrape(authorization: Annotated[str | None, Header(max_length=512)] = None) -> Response:
    """The metrics of this process and its siblings, for a Prometheus scraper."""
    body, content_type = metrics.scrape(authorization, QueueMetrics())
    return Response(body, media_type=content_type)


class RequestMetrics(HttpMiddleware):
    """ASGI middleware: count each HTTP request by its route template, method and status, and
    the websocket connections open now."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            with metrics.WEBSOCKET_CLIENTS.track_inprogress():
                await self.app(scope, receive, send)
            return
        await super().__call__(scope, receive, send)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on, then count it with the status it was answered with."""
        started, status = time.perf_counter(), 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            seconds = time.perf_counter() - started
            metrics.count_request(route_of(scope), scope["method"], status, seconds)


def route_of(scope: Scope) -> str:
    """The template of the route a request matched (a mounted app's prefix included), so the
    labels stay few: no ids, no file names."""
    route = scope.get("route")
    if route is None:
        return UNMATCHED
    template = scope.get("root_path", "") + getattr(route, "path", "")
    return template or FRONTEND
