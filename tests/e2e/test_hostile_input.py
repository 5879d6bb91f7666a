"""Code and a file name full of HTML and script: shown as text everywhere, and nothing runs."""

import re
import uuid

from playwright.sync_api import Dialog, Page, expect

from review_app.db import session_scope
from review_app.services.accounts import users as accounts
from support.browser import PASSWORD, paste_code, sign_in
from support.platform import RunningPlatform

FILE_NAME = "<img src=x onerror=alert('name')><script>alert('name')</script>.py"
CODE = '''"""<script>alert('docstring')</script>"""

BANNER = "<img src=x onerror=alert('code')>"


def greet(name: str) -> str:
    """Say hello in <b onmouseover=alert('html')>bold</b>."""
    return f"<svg onload=alert('svg')>{name}</svg>"
'''


def _no_injected_markup(page: Page) -> None:
    """None of the payloads became an element of the page."""
    for selector in ("img[src='x']", "svg[onload]", "b[onmouseover]", "script:text('alert')"):
        expect(page.locator(selector)).to_have_count(0)


def test_html_in_code_and_file_names_is_text_and_no_script_runs(
    platform_settings: RunningPlatform, page: Page, screenshot
) -> None:
    dialogs: list[str] = []

    def refuse(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", refuse)
    email = f"mallory-{uuid.uuid4().hex[:8]}@example.com"
    with session_scope() as session:
        accounts.create_user(session=session, email=email, password=PASSWORD)
    page.goto(f"{platform_settings.url}/editor")
    sign_in(page, email)
    expect(page.locator(".monaco-editor")).to_be_visible(timeout=30_000)
    page.get_by_label("File name").fill(FILE_NAME)
    paste_code(page, CODE)
    page.keyboard.press("Control+Enter")

    job = page.locator(".job-card").first
    expect(job).to_have_attribute("data-status", "completed", timeout=60_000)
    expect(job).to_contain_text(FILE_NAME)
    _no_injected_markup(page)
    screenshot(page, "hostile-editor")

    page.get_by_role("link", name="History").click()
    row = page.locator(".history-row").first
    expect(row.get_by_role("link", name=FILE_NAME)).to_be_visible()
    _no_injected_markup(page)
    row.get_by_role("link", name=FILE_NAME).click()

    expect(page).to_have_url(re.compile(r"/reviews/[0-9a-f-]{36}"))
    expect(page.get_by_role("heading", name=FILE_NAME)).to_be_visible()
    expect(page.get_by_text("Readable, but the query is built from user input.")).to_be_visible()
    expect(page.locator(".monaco-editor")).to_contain_text("onerror=alert('code')")
    _no_injected_markup(page)
    screenshot(page, "hostile-review")
    assert dialogs == []
