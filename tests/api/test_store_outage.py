"""The web process's watch on Redis and the database (api/store_outage.py): when it calls an
outage, and what a tab's websocket meets during one. The multi-host test cuts real links."""

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route, WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocket, WebSocketDisconnect

from review_app.api.store_outage import StoreOutage, StoreOutageGuard


def test_one_failed_check_is_not_an_outage_two_in_a_row_are() -> None:
    outage = StoreOutage()

    assert (outage.record(False), outage.down) == (False, False)  # one slow answer: a blip
    assert (outage.record(True), outage.down) == (False, False)  # ... and the count starts over
    assert (outage.record(False), outage.down) == (False, False)
    assert (outage.record(False), outage.down) == (True, True)  # begins: tabs closed once
    assert (outage.record(False), outage.down) == (False, True)  # ... not again
    assert (outage.record(True), outage.down) == (False, False)  # over: tabs may come back


async def _echo(websocket: WebSocket) -> None:
    await websocket.accept()
    await websocket.send_text(await websocket.receive_text())
    await websocket.close()


def _guarded() -> tuple[StoreOutageGuard, TestClient]:
    guard = StoreOutageGuard()
    app = Starlette(
        routes=[
            WebSocketRoute("/_event/", _echo),
            Route("/healthz", lambda _request: PlainTextResponse("ok")),
        ]
    )
    return guard, TestClient(guard.around(app))


def test_tabs_connect_while_the_stores_answer() -> None:
    _guard, client = _guarded()
    with client.websocket_connect("/_event/") as socket:
        socket.send_text("hydrate")
        assert socket.receive_text() == "hydrate"


def test_during_an_outage_new_tabs_are_refused_and_plain_requests_pass() -> None:
    guard, client = _guarded()
    guard.outage.down = True

    with pytest.raises(WebSocketDisconnect) as refused, client.websocket_connect("/_event/"):
        pass
    assert refused.value.code == 1012  # service restart: come back later
    assert client.get("/healthz").text == "ok"
