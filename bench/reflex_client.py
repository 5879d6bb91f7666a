"""A browser tab as the Reflex backend sees it, without a browser: python-socketio speaking Reflex's
websocket protocol the way the compiled frontend does (.web/utils/state.js).

The tab connects to /_event with a token of its own and the hydrate event in the CONNECT packet
(with its cookies as client-storage vars, and the page it is on), sends events as
{name, payload, router_data}, and gets state deltas back. Markers ("bench-..." strings the
benchmark puts in state) are noted with the time the delta carrying them arrived.
"""

import asyncio
import json
import re
import time
import uuid

import aiohttp
import socketio

NAMESPACE = "/_event"
ROOT_STATE = "reflex___state____state"
HYDRATE = f"{ROOT_STATE}.hydrate_and_load"
SESSION_COOKIE_VAR = (
    f"{ROOT_STATE}.review_app___state___session____session_state.session_cookie_rx_state_"
)
SET_FILENAME = f"{ROOT_STATE}.review_app___pages___editor____editor_state.set_filename"
MARKER = re.compile(r"bench-[0-9a-z.-]+")


class SimulatedTab:
    """One tab: a hydrated socket.io connection to /_event, on `path`, with `session` if given."""

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
        """Connect with the hydrate event (and the session cookie) in the CONNECT packet."""
        payload = {"vars": {SESSION_COOKIE_VAR: self.session}} if self.session else {}
        boot = {"name": HYDRATE, "payload": payload, "router_data": self.router_data}
        await self.client.connect(
            f"{self.url}?token={self.token}",
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
