"""A browser tab as the Reflex backend sees it, without a browser: python-socketio speaking Reflex's
websocket protocol the way the compiled frontend does (.web/utils/state.js).

The tab connects to /_event with a token of its own, its session cookie (if signed in) in the
handshake's Cookie header as a browser sends it, and the hydrate event (with the page it is on) in
the CONNECT packet; it sends events as {name, payload, router_data}, and gets state deltas back.
Markers ("bench-..." strings the benchmark puts in state) are noted with the time the delta
carrying them arrived.
"""

import asyncio
import json
import re
import time
import uuid

import aiohttp
import socketio

from review_app.services.accounts.browser_sessions import COOKIE_NAME

NAMESPACE = "/_event"
ROOT_STATE = "reflex___state____state"
HYDRATE = f"{ROOT_STATE}.hydrate_and_load"
SET_FILENAME = f"{ROOT_STATE}.review_app___pages___editor____editor_state.set_filename"
MARKER = re.compile(r"bench-[0-9a-z.-]+")


class SimulatedTab:
    """One tab: a hydrated socket.io connection to /_event, on `path`.

    `session` is a refresh token to send as the session cookie (signed in), or "" (signed out).
    python-socketio files a Cookie header in `http`'s cookie jar: tabs sharing `http` share it.
    """

    def __init__(
        self, url: str, http: aiohttp.ClientSession, path: str = "/", session: str = ""
    ) -> None:
        self.url = url
        self.token = str(uuid.uuid4())
        self.router_data = {"pathname": path, "asPath": path}
        self.session = session
        self.client = socketio.AsyncClient(
            reconnection=False, http_session=http, handle_sigint=False
        )
        self.client.on("event", self._on_update, namespace=NAMESPACE)
        self._markers: dict[str, asyncio.Future] = {}
        self._sent = 0

    async def connect(self) -> None:
        """Connect with the session cookie in the handshake, the hydrate event in CONNECT."""
        headers = {"Cookie": f"{COOKIE_NAME}={self.session}"} if self.session else {}
        boot = {"name": HYDRATE, "payload": {}, "router_data": self.router_data}
        await self.client.connect(
            f"{self.url}?token={self.token}",
            headers=headers,
            auth={"event": boot},
            transports=["websocket"],
            namespaces=[NAMESPACE],
            socketio_path=NAMESPACE,
            wait_timeout=60,
        )

    async def round_trip(self, timeout: float = 120) -> float:
        """Send one cheap event (the editor's set_filename); seconds until its delta is back."""
        self._sent += 1
        filename = f"bench-{self.token[:8]}-{self._sent}.py"
        arrival = self.expect(filename)
        event = {
            "name": SET_FILENAME,
            "payload": {"filename": filename},
            "router_data": self.router_data,
        }
        started = time.perf_counter()
        await self.client.emit("event", event, namespace=NAMESPACE)
        return await asyncio.wait_for(arrival, timeout) - started

    def expect(self, marker: str) -> asyncio.Future:
        """A future set to the perf_counter time a delta carrying `marker` arrives."""
        future = self._markers.get(marker)
        if future is None:
            future = self._markers[marker] = asyncio.get_running_loop().create_future()
        return future

    async def _on_update(self, update: dict) -> None:
        arrived = time.perf_counter()
        for marker in MARKER.findall(json.dumps(update.get("delta", {}))):
            future = self.expect(marker)
            if not future.done():
                future.set_result(arrived)

    async def close(self) -> None:
        """Disconnect, as closing the tab does."""
        await self.client.disconnect()
