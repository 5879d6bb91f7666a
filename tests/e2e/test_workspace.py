"""The workspace a person uses all day: write, submit, watch, read findings, fix, compare."""

import json
import re
import time
import uuid
from pathlib import Path

from playwright.sync_api import Browser, Page, Request, expect

from review_app.db import session_scope
from review_app.services.accounts import users as accounts
from support.browser import PASSWORD, editor_text, marker_lines, paste_code, sign_in
from support.platform import RunningPlatform

SHOP = (Path(__file__).parents[1] / "fixtures" / "review" / "python_defects.py").read_text()


def _user(prefix: str) -> str:
    email = f"{prefix}-{uuid.uuid4().hex[:8]}@example.com"
    with session_scope() as session:
        accounts.create_user(session=session, email=email, password=PASSWORD)
    return email


def _open_editor(page: Page, base_url: str, email: str) -> None:
    page.goto(f"{base_url}/editor")
    sign_in(page, email)
    expect(page.locator(".monaco-editor")).to_be_visible(timeout=30_000)


def _leaves_the_platform(url: str, base: str) -> bool:
    """Whether a request goes elsewhere (Monaco must come bundled, never from a CDN)."""
    is_network = url.startswith(("http:", "https:", "ws:", "wss:"))
    return is_network and not url.replace("ws://", "http://", 1).startswith(base)


def _submit_and_watch(page: Page) -> list[str]:
    """Press Ctrl+Enter in the editor; return the job texts seen until it is done."""
    page.locator(".monaco-editor .view-lines").first.click()
    previous = page.locator(".job-card").count()
    page.keyboard.press("Control+Enter")
    expect(page.locator(".job-card")).to_have_count(previous + 1, timeout=15_000)
    job = page.locator(".job-card").first
    seen: list[str] = []
    deadline = time.monotonic() + 60
    while "Done" not in (seen[-1] if seen else "") and time.monotonic() < deadline:
        seen.append(job.inner_text())
        time.sleep(0.1)
    return seen


def test_the_whole_review_story(
    platform_settings: RunningPlatform, page: Page, browser: Browser, screenshot
) -> None:
    base = platform_settings.url
    ada, bob = _user("ada"), _user("bob")
    outside: list[str] = []

    def note_if_outside(request: Request) -> None:
        if _leaves_the_platform(request.url, base):
            outside.append(request.url)

    page.on("request", note_if_outside)
    _open_editor(page, base, ada)
    page.get_by_label("File name").fill("shop.py")
    paste_code(page, SHOP)
    page.keyboard.press("Control+End")
    page.keyboard.type("# reviewed by ada")
    size = len(f"{SHOP}# reviewed by ada".encode())
    expect(page.get_by_label("Code size")).to_have_text(f"{size} bytes of 200.0 KB")
    page.evaluate("window.__same_page = true")

    seen = _submit_and_watch(page)

    assert "Done" in seen[-1], seen
    assert any("LLM review" in text for text in seen), seen
    assert page.evaluate("window.__same_page") is True, "the page reloaded"
    job = page.locator(".job-card").first
    expect(job.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")
    expect(page.get_by_label("Overall score")).to_be_visible()
    expect(page.get_by_text("Readable, but the query is built from user input.")).to_be_visible()
    markers = marker_lines(page)
    assert any("SQL query built" in message for message in markers.get(8, [])), markers
    assert any("mutable" in message.lower() for message in markers.get(11, [])), markers
    spans = page.evaluate(
        "window.reviewAppMonaco.editor.getModelMarkers({})"
        ".map(m => m.endLineNumber - m.startLineNumber)"
    )
    assert set(spans) == {0}, "a marker underlines more than its finding's first line"
    page.get_by_role("button", name="Go to line 8").first.click()
    page.locator(".squiggly-error").first.hover(force=True)
    expect(page.locator(".monaco-hover").first).to_contain_text("SQL query built")
    screenshot(page, "editor-review")

    mutable = page.locator(".finding-row", has_text="mutable").first
    mutable.get_by_text("Suggested fix").click()
    expect(mutable.locator("code").first).to_contain_text("tags")
    mutable.get_by_role("button", name="Apply fix").click()
    expect(page.get_by_text("Fix applied")).to_be_visible()
    assert "if tags is None" in editor_text(page)

    _submit_and_watch(page)

    fixed = page.get_by_label("Fixed findings")
    expect(fixed).to_contain_text("Fixed since last review: 1")
    expect(fixed).to_contain_text("mutable")
    expect(page.get_by_label("New findings")).to_contain_text("New since last review: 0")
    screenshot(page, "editor-resubmitted")

    page.get_by_role("link", name="History").click()
    rows = page.locator(".history-row")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("shop.py")
    expect(rows.first).to_contain_text("python")
    screenshot(page, "history")
    rows.nth(1).get_by_role("link", name="shop.py").click()
    expect(page).to_have_url(re.compile(r"/reviews/[0-9a-f-]{36}"))
    review_url = page.url
    expect(page.get_by_label("Reviewed code (read-only)")).to_have_count(1)
    expect(page.locator(".monaco-editor")).to_contain_text("tags=[]")  # this review's code
    expect(page.locator(".squiggly-error").first).to_be_visible()  # its findings inline
    expect(page.get_by_label("Findings", exact=True)).to_contain_text("SQL query built")
    expect(page.get_by_role("button", name="Apply fix")).to_have_count(0)
    screenshot(page, "review-read-only")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as SARIF").click()
    assert download.value.suggested_filename.endswith(".sarif")
    sarif = json.loads(Path(download.value.path()).read_text())
    assert sarif["version"] == "2.1.0"
    assert "python-sql-injection" in {result["ruleId"] for result in sarif["runs"][0]["results"]}

    assert outside == [], "the workspace fetched something from outside the user's network"

    bob_page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    bob_page.goto(f"{base}/history")
    sign_in(bob_page, bob)
    expect(bob_page.get_by_text("No reviews match.")).to_be_visible()
    expect(bob_page.locator(".history-row")).to_have_count(0)
    bob_page.goto(review_url)
    expect(bob_page.get_by_role("heading", name="Review not found")).to_be_visible()
    expect(bob_page.get_by_text("find_orders")).to_have_count(0)
    bob_page.context.close()
