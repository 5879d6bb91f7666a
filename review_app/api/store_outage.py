"""While Redis or the database is out of reach, this web process's tabs say "Reconnecting…".

Every event of a tab needs both stores (its state lives in Redis, its data in the database).
Rather than events failing one by one behind a page that looks alive, the process closes its
tabs' websockets when an outage begins and refuses new ones until both stores answer again:
the tabs show their connection banner and retry by themselves, and come back signed in.
"""

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from review_app.services.health import stores_answer

logger = logging.getLogger(__name__)

EVENT_SOCKET_PATH = "/_event"  # Reflex's websocket
CHECK_SECONDS = 1.0
# A check still unanswered after this long counts as failed (a cut link hangs rather than
# refuses); the next one starts only when it ends, so hung checks never pile up.
CHECK_DEADLINE_SECONDS = 2.0
# Failed checks in a row before the tabs are told: one slow answer on a busy machine is not
# an outage.
FAILURES_FOR_OUTAGE = 2
SERVICE_RESTART = 1012  # the websocket close code: come back later


@dataclass
class StoreOutage:
    """Whether the stores are out of reach, judged from consecutive checks."""

    failures: int = 0
    down: bool = False

    def record(self, answered: bool) -> bool:
        """Count one check; whether this one began an outage."""
        if answered:
            if self.down:
                logger.warning("Redis and the database answer again: tabs may reconnect")
            self.failures, self.down = 0, False
            return False
        self.failures += 1
        if self.down or self.failures < FAILURES_FOR_OUTAGE:
            return False
        self.down = True
        return True


@dataclass(eq=False)
class _OpenSocket:
    """One tab's websocket, which the guard can close beside the app.

    The server (granian) loses a close sent while a receive is pending: the guard cancels that
    receive first, and the app reads a disconnect instead.
    """

    receive: Receive
    send: Send
    closed: bool = False
    _incoming: asyncio.Future[Message] | None = None

    async def receive_for_app(self) -> Message:
        """The next message for the app; a disconnect once the guard has closed the socket."""
        if not self.closed:
            incoming = self._incoming = asyncio.ensure_future(self.receive())
            await asyncio.wait({incoming})
            self._incoming = None
            if not incoming.cancelled():
                return incoming.result()
        return {"type": "websocket.disconnect", "code": SERVICE_RESTART}

    async def send_from_app(self, message: Message) -> None:
        """Pass the app's message on, unless the guard has closed the socket."""
        if not self.closed:  # after the guard closed it, the app's last words go nowhere
            await self.send(message)

    async def close(self) -> None:
        """Close the socket beside the app: its pending receive first, then the close."""
        if self.closed:
            return
        self.closed = True
        if self._incoming is not None:
            self._incoming.cancel()
            await asyncio.wait({self._incoming})
        try:
            await self.send({"type": "websocket.close", "code": SERVICE_RESTART})
        except Exception as error:  # whatever this server raises for a socket already gone
            logger.debug("tab socket already gone: %s", error)


@dataclass
class StoreOutageGuard:
    """ASGI middleware for Reflex's websocket, and the watch of the stores that drives it."""

    outage: StoreOutage = field(default_factory=StoreOutage)
    sockets: set[_OpenSocket] = field(default_factory=set)
    # A thread of its own: a check never waits behind the app's work in the default executor.
    checker: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="store-check")
    )

    def around(self, app: ASGIApp) -> ASGIApp:
        """Reflex's api_transformer hook: guard the websocket of `app`."""

        async def guarded(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != "websocket" or not scope["path"].startswith(EVENT_SOCKET_PATH):
                await app(scope, receive, send)
            elif self.outage.down:
                await receive()  # the handshake, refused (the tab retries and says so)
                await send({"type": "websocket.close", "code": SERVICE_RESTART})
            else:
                socket = _OpenSocket(receive, send)
                self.sockets.add(socket)
                try:
                    await app(scope, socket.receive_for_app, socket.send_from_app)
                finally:
                    self.sockets.discard(socket)

        return guarded

    async def watch(self) -> None:
        """A lifespan task: check the stores every second; on an outage, close the tabs."""
        loop = asyncio.get_running_loop()
        check: asyncio.Future[bool] | None = None
        while True:
            if check is None:
                check = loop.run_in_executor(self.checker, stores_answer)
            done, _ = await asyncio.wait({check}, timeout=CHECK_DEADLINE_SECONDS)
            answered = check in done and check.result()
            if check in done:
                check = None
            if self.outage.record(answered):
                logger.warning(
                    "Redis or the database is out of reach: closing %d tab websockets, refusing"
                    " new ones until both answer",
                    len(self.sockets),
                )
                await asyncio.gather(*(socket.close() for socket in list(self.sockets)))
            await asyncio.sleep(CHECK_SECONDS)
