"""In the browser: the app's own scripts run, injected ones and framing by other sites do not."""

import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Thread

import pytest
from playwright.sync_api import Page, WebSocket, expect

from support.browser import paste_code, register
from support.csp import take_violations
from support.platform import RunningPlatform


@pytest.fixture
def other_site(platform: RunningPlatform) -> Iterator[str]:
    """Another origin whose page frames /admin, as a site an admin might be lured to."""
    framing_page = (
        "<!doctype html><title>Another site</title><h1>Another site</h1>"
        f'<iframe src="{platform.url}/admin" width="900" height="600"></iframe>'
    ).encode()

    class FramingPage(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(framing_page)

        def log_message(self, *_args: object) -> None:
            """Quiet: the test says what went wrong."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), FramingPage)
    Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def test_another_site_framing_the_admin_page_shows_nothing_of_the_app(
    page: Page, other_site: str, csp_violations: list[str]
) -> None:
    page.goto(other_site)

    expect(page.get_by_role("heading", name="Another site")).to_be_visible()
    frame = page.frames[1]
    frame.wait_for_load_state()
    assert frame.url.startswith("chrome-error://")  # the browser refused to show the app
    expect(page.frame_locator("iframe").get_by_text("review_app")).to_have_count(0)
    assert take_violations(page, csp_violations, "frame-ancestors 'none'")


def test_the_pages_own_inline_scripts_run_and_an_injected_one_does_not(
    platform: RunningPlatform, page: Page, csp_violations: list[str]
) -> None:
    sockets: list[WebSocket] = []
    page.on("websocket", lambda socket: sockets.append(socket))

    page.goto(platform.url)

    # The inline module script loads React Router, which opens Reflex's websocket.
    expect(page.get_by_role("link", name="Open the editor")).to_be_visible()
    page.wait_for_function("() => performance.now() > 1500")
    assert any("/_event" in socket.url and not socket.is_closed() for socket in sockets)
    assert csp_violations == []

    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injectedScriptRan = true";
            document.body.append(script);
            document.body.insertAdjacentHTML(
                "beforeend", '<button onclick="window.injectedHandlerRan = true">Injected</button>'
            );
        }"""
    )
    page.get_by_role("button", name="Injected").click()

    assert page.evaluate("[window.injectedScriptRan, window.injectedHandlerRan]") == [None, None]
    blocked = "\n".join(take_violations(page, csp_violations, "script-src"))
    assert "script-src-elem blocked inline" in blocked
    assert "script-src-attr blocked inline" in blocked


def test_monaco_runs_its_worker_under_the_policy(platform: RunningPlatform, page: Page) -> None:
    with page.expect_worker(lambda worker: "/assets/editor.worker" in worker.url):
        register(page, platform.url, f"csp-{uuid.uuid4().hex[:8]}@example.com")
        paste_code(page, "answer = 42\n")

    page.wait_for_function("() => window.reviewAppEditor.getValue() === 'answer = 42\\n'")
