"""Events a test sends over a tab's own websocket, as a tampering user could by hand."""

import json
import re
from typing import Any

from playwright.sync_api import Page, WebSocketRoute

# Socket.IO frames on Reflex's namespace: the connection (it carries the first event) and events.
CONNECT_FRAME = "40/_event,"
EVENT_FRAME = "42/_event,"


class HandMadeEvents:
    """Relays the tab's Reflex websocket and can slip events of our own into it.

    Install before the page opens its websocket; `send` then reuses the tab's token.
    """

    def __init__(self, page: Page) -> None:
        self._server: WebSocketRoute | None = None
        self._last_event: dict[str, Any] | None = None
        page.route_web_socket(re.compile(r"/_event"), self._relay)

    def _relay(self, socket: WebSocketRoute) -> None:
        server = socket.connect_to_server()
        self._server = server

        def from_page(message: str | bytes) -> None:
            if isinstance(message, str) and message.startswith(CONNECT_FRAME):
                self._last_event = json.loads(message.removeprefix(CONNECT_FRAME))["event"]
            elif isinstance(message, str) and message.startswith(EVENT_FRAME):
                self._last_event = json.loads(message.removeprefix(EVENT_FRAME))[1]
            server.send(message)

        socket.on_message(from_page)

    def send(self, handler: str, **payload: Any) -> None:
        """Send `handler` (a full event name) with `payload`, under the tab's token."""
        if self._server is None or self._last_event is None:
            raise RuntimeError("The tab has sent no event yet: open the page first.")
        event = {**self._last_event, "name": handler, "payload": payload}
        self._server.send(EVENT_FRAME + json.dumps(["event", event]))
