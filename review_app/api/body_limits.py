"""Every request body has a cap, enforced before anything parses it: 413 with a short JSON message.

A Content-Length over the cap is refused before the app sees the request; a body without one
(chunked) is counted as it arrives and refused at the first chunk past the cap, whatever the app
then answers. The middleware sits in the API app, which mounts Reflex's own routes (`/_upload`
and the rest), so it covers those too.
"""

from reflex.constants import Endpoint
from starlette.datastructures import Headers
from starlette.types import Message, Receive, Scope, Send

from review_app.api.errors import ErrorResponse
from review_app.api.http_middleware import HttpMiddleware
from review_app.settings import Settings, get_settings

REVIEW_SUBMISSION = ("POST", "/api/reviews")
PROJECT_UPLOAD = ("POST", "/api/projects")
CHANGE_PARTS = ["api", "projects", "changes"]  # /api/projects/{id}/changes
FILE_PARTS = ["api", "projects", "files"]  # /api/projects/{id}/files/{path}
AUTH_PREFIX = "/api/auth/"
WEBHOOK_PATHS = ("/api/integrations/github/webhook", "/api/integrations/gitlab/webhook")
UPLOAD_PATH = str(Endpoint.UPLOAD)
# The Reflex event handler that takes a project's archive (pages.projects), by its last name.
PROJECT_UPLOAD_HANDLER = ".upload_project_archive"


def body_cap(method: str, path: str, settings: Settings, upload_handler: str = "") -> int:
    """The largest body, in bytes, a request to `method` `path` may carry; an upload to Reflex
    names its handler, and one to the project handler may carry a project's archive."""
    if (method, path) == REVIEW_SUBMISSION or _is_file_write(method, path):
        return settings.max_review_body_bytes
    if (method, path) == PROJECT_UPLOAD or _is_change(method, path):
        return settings.max_project_body_bytes
    if path.startswith(AUTH_PREFIX):
        return settings.max_auth_body_bytes
    if (method, path) in {("POST", webhook) for webhook in WEBHOOK_PATHS}:
        return settings.max_webhook_body_bytes
    if path == UPLOAD_PATH:
        if upload_handler.endswith(PROJECT_UPLOAD_HANDLER):
            return settings.max_project_body_bytes
        return settings.max_upload_body_bytes
    return settings.max_body_bytes


def _is_change(method: str, path: str) -> bool:
    """A diff sent to POST /api/projects/{id}/changes: as large as a project may be."""
    parts = path.split("/")
    return (
        method == "POST"
        and len(parts) == 5
        and parts[1:3] == ["api", "projects"]
        and parts[4] == "changes"
    )


def _is_file_write(method: str, path: str) -> bool:
    """A file's text sent to PUT /api/projects/{id}/files/{path}: as large as a submission."""
    parts = path.split("/")
    return method == "PUT" and len(parts) > 5 and parts[1:3] + parts[4:5] == FILE_PARTS


def too_large(cap: int) -> ErrorResponse:
    """The 413 answer: the cap, never any of the body."""
    return ErrorResponse({"detail": f"The request body is larger than {cap:,} bytes."}, 413)


class BodySizeLimit(HttpMiddleware):
    """ASGI middleware: a 413 for a body over its route's cap, before it is parsed."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse a body over the cap, by its declared length or once it grows past it."""
        headers = Headers(scope=scope)
        handler = headers.get("reflex-event-handler", "")
        cap = body_cap(scope["method"], scope["path"], get_settings(), handler)
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            await too_large(cap)(scope, receive, send)
            return
        body = _CountedBody(receive, send, cap)
        try:
            await self.app(scope, body.receive, body.send)
        except Exception:
            if not body.overflowed or body.answered:
                raise
        if body.overflowed and not body.answered:
            await too_large(cap)(scope, receive, send)


class _BodyOverCapError(Exception):
    """Raised to the app reading a body past its cap (its own answer is then dropped)."""


class _CountedBody:
    """The receive and send of one request: the body counted, the answer held back past the cap."""

    def __init__(self, receive: Receive, send: Send, cap: int) -> None:
        self._receive = receive
        self._send = send
        self.cap = cap
        self.received = 0
        self.overflowed = False
        self.answered = False  # the app's answer started before the body passed the cap

    async def receive(self) -> Message:
        """The next message, unless the body has passed the cap."""
        if self.overflowed:
            raise _BodyOverCapError
        message = await self._receive()
        if message["type"] == "http.request":
            self.received += len(message.get("body", b""))
            if self.received > self.cap:
                self.overflowed = True
                raise _BodyOverCapError
        return message

    async def send(self, message: Message) -> None:
        """Pass the app's answer on, unless the body passed the cap: the 413 replaces it."""
        if self.overflowed:
            return
        if message["type"] == "http.response.start":
            self.answered = True
        await self._send(message)
