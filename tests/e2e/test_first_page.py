"""A person opens the app: the first page renders and Reflex's websocket is connected."""

from playwright.sync_api import ConsoleMessage, Page, WebSocket, expect

from support.platform import RunningPlatform


def test_first_page_renders_with_the_websocket_connected(
    platform: RunningPlatform, page: Page
) -> None:
    console_errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and console_errors.append(_describe(m)))
    sockets: list[WebSocket] = []
    page.on("websocket", lambda socket: sockets.append(socket))

    page.goto(platform.url)

    expect(page.get_by_role("heading", name="review_app")).to_be_visible()
    expect(page.get_by_role("link", name="Open the editor")).to_be_visible()
    expect(page.get_by_role("link", name="Create an account")).to_have_attribute(
        "href", "/register"
    )
    page.wait_for_function("() => performance.now() > 1500")
    assert any("/_event" in socket.url and not socket.is_closed() for socket in sockets)
    expect(page.get_by_text("Cannot connect to server")).to_have_count(0)
    assert console_errors == []


def test_healthz_and_openapi_are_served_on_the_same_port(platform: RunningPlatform) -> None:
    assert platform.get("/healthz").json()["workers"] == 1
    assert "/healthz" in platform.get("/openapi.json").json()["paths"]


def _describe(message: ConsoleMessage) -> str:
    return f"{message.text} at {message.location}"
