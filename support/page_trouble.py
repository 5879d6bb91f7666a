"""What went wrong in the browser while a test ran, printed beside a failure to explain it."""

import time

from playwright.sync_api import BrowserContext, ConsoleMessage, Request, Response, WebSocket

FRAME_CHARACTERS = 160  # of each websocket message, enough to tell which event it carries


class PageTrouble:
    """Each refused response, failed request, console error and websocket opening, message and
    closing in the browser contexts it watches, timed, and the requests never answered."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.lines: list[str] = []
        self.pending: dict[Request, float] = {}
        self.sockets = 0

    def watch(self, context: BrowserContext) -> None:
        """Record what happens in every page of `context` from now on."""
        for event, listener in (
            ("request", self._on_request),
            ("requestfinished", self._on_request_finished),
            ("response", self._on_response),
            ("requestfailed", self._on_request_failed),
            ("console", self._on_console),
        ):
            context.on(event, listener)
        context.on("page", lambda page: page.on("websocket", self._on_websocket))

    def report(self) -> str:
        """All of it, the requests still waiting for an answer last."""
        waiting = [
            f"+{at:6.2f}s still waiting: {request.method} {request.url}"
            for request, at in self.pending.items()
        ]
        return "\n".join(["What the browser met:", *self.lines, *waiting])

    def _now(self) -> float:
        return time.monotonic() - self.started

    def _note(self, what: str) -> None:
        self.lines.append(f"+{self._now():6.2f}s {what}")

    def _on_request(self, request: Request) -> None:
        self.pending[request] = self._now()

    def _on_request_finished(self, request: Request) -> None:
        self.pending.pop(request, None)

    def _on_response(self, response: Response) -> None:
        if response.status >= 400:
            self._note(f"{response.status} {response.request.method} {response.url}")

    def _on_request_failed(self, request: Request) -> None:
        self.pending.pop(request, None)
        self._note(f"failed {request.method} {request.url}: {request.failure}")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self._note(f"console error: {message.text}")

    def _on_websocket(self, socket: WebSocket) -> None:
        number = self.sockets = self.sockets + 1
        self._note(f"websocket {number} opened {socket.url}")
        socket.on("close", lambda _closed: self._note(f"websocket {number} closed"))
        socket.on("framesent", lambda frame: self._frame(number, "sent", frame))
        socket.on("framereceived", lambda frame: self._frame(number, "received", frame))

    def _frame(self, number: int, direction: str, payload: str | bytes) -> None:
        text = payload if isinstance(payload, str) else f"<{len(payload)} bytes>"
        shown = text if len(text) <= FRAME_CHARACTERS else f"{text[:FRAME_CHARACTERS]}…"
        self._note(f"websocket {number} {direction} {shown}")
