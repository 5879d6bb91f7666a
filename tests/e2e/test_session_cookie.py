"""The browser's login: an HttpOnly cookie no script or state update carries, rotated on use,
and a tab's session bound to the browser it came from (issue 14, items 2 and 3)."""

import re
import time
import uuid
from collections.abc import Callable

from playwright.sync_api import Browser, BrowserContext, Page, WebSocket, expect

from review_app.services.accounts.browser_sessions import COOKIE_NAME, ROTATION_GRACE_SECONDS
from support.browser import expect_signed_in, register
from support.platform import RunningPlatform

JWT = re.compile(r"eyJ[\w-]+\.eyJ[\w-]+\.")


def _email() -> str:
    return f"user-{uuid.uuid4().hex[:8]}@example.com"


def _session_cookie(context: BrowserContext) -> dict | None:
    return next((c for c in context.cookies() if c["name"] == COOKIE_NAME), None)


def _wait_for(condition: Callable[[], object], what: str, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"still waiting for {what}"
        time.sleep(0.2)


def _record_frames(page: Page) -> list[str]:
    """Every websocket message the server sends this page from now on."""
    frames: list[str] = []

    def on_socket(socket: WebSocket) -> None:
        socket.on("framereceived", lambda payload: frames.append(str(payload)))

    page.on("websocket", on_socket)
    return frames


def test_the_session_secret_is_out_of_scripts_and_state_and_rotates_on_use(
    platform: RunningPlatform, context: BrowserContext, page: Page
) -> None:
    frames = _record_frames(page)
    email = _email()
    register(page, platform.url, email)
    cookie = _session_cookie(context)
    assert cookie is not None
    assert cookie["httpOnly"]
    assert cookie["sameSite"] == "Strict"
    assert cookie["path"] == "/"
    assert cookie["value"] not in page.evaluate("document.cookie")

    page.reload()
    expect_signed_in(page, email)
    _wait_for(lambda: _session_cookie(context)["value"] != cookie["value"], "a rotated cookie")
    other_tab = context.new_page()
    other_frames = _record_frames(other_tab)
    other_tab.goto(f"{platform.url}/history")
    expect_signed_in(other_tab, email)

    assert frames, "no websocket frames were recorded"
    assert other_frames, "no websocket frames were recorded in the new tab"
    sent_to_browser = "\n".join(frames + other_frames)
    assert not JWT.search(sent_to_browser), "a token reached the browser in a state update"
    assert cookie["value"] not in sent_to_browser

    other_tab.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile("/login"))
    _wait_for(lambda: _session_cookie(context) is None, "the cookie to be cleared")


def test_reusing_a_rotated_cookie_ends_the_login(
    platform: RunningPlatform, browser: Browser, context: BrowserContext, page: Page
) -> None:
    email = _email()
    register(page, platform.url, email)
    first = _session_cookie(context)
    page.reload()
    expect_signed_in(page, email)
    _wait_for(lambda: _session_cookie(context)["value"] != first["value"], "a rotated cookie")
    time.sleep(ROTATION_GRACE_SECONDS + 1)  # past the grace period for tabs loading at once

    thief = browser.new_context()
    thief.add_cookies([first])
    stolen = thief.new_page()
    stolen.goto(f"{platform.url}/history")
    expect(stolen).to_have_url(re.compile(r"/login\?next=%2Fhistory"))
    expect(page).to_have_url(re.compile("/login"))
    page.goto(f"{platform.url}/history")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fhistory"))
    thief.close()


def test_a_closed_tabs_token_is_no_way_in(
    platform: RunningPlatform, browser: Browser, page: Page
) -> None:
    email = _email()
    register(page, platform.url, email)
    page.goto(f"{platform.url}/history")
    expect(page.get_by_role("heading", name="History")).to_be_visible()
    token = page.evaluate("sessionStorage.getItem('token')")
    page.close()

    fresh = browser.new_context()
    fresh.add_init_script(f"sessionStorage.setItem('token', {token!r})")
    intruder = fresh.new_page()
    intruder.goto(platform.url)  # a public page shows who the cookie says, not the old state
    expect(intruder.get_by_role("navigation").get_by_role("link", name="Sign in")).to_be_visible()
    expect(intruder.get_by_text(email)).to_have_count(0)
    intruder.goto(f"{platform.url}/history")
    expect(intruder).to_have_url(re.compile(r"/login\?next=%2Fhistory"))
    expect(intruder.get_by_text(email)).to_have_count(0)
    assert intruder.evaluate("sessionStorage.getItem('token')") == token, "not the old tab's"
    fresh.close()
