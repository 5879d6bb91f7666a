"""What a person does in the browser, as steps the end-to-end tests share."""

import re

from playwright.sync_api import Locator, Page, expect

from support.seed import PASSWORD, add_user

# Debian's Chromium, without the background traffic a closed network refuses.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def register(page: Page, base_url: str, email: str, password: str = PASSWORD) -> None:
    """Create an account through /register; lands on the editor."""
    page.goto(f"{base_url}/register")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password (at least 8 characters)").fill(password)
    page.get_by_label("Repeat the password").fill(password)
    page.get_by_role("button", name="Create account").click()
    expect_signed_in(page, email)


def expect_signed_in(page: Page, email: str) -> None:
    """The navigation bar names the signed-in user and offers to sign out."""
    navigation = page.get_by_role("navigation")
    expect(navigation.get_by_text(email, exact=True)).to_be_visible()
    expect(navigation.get_by_role("button", name="Sign out")).to_be_visible()


def sign_in(page: Page, email: str, password: str = PASSWORD) -> None:
    """Fill in and send the login form the page shows (after a redirect, wait for it)."""
    expect(page).to_have_url(re.compile("/login"))
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def paste_code(page: Page, code: str) -> None:
    """Paste `code` into the Monaco editor, as a person pasting from the clipboard."""
    page.locator(".monaco-editor .view-lines").first.click()
    page.keyboard.press("Control+A")
    page.evaluate("text => navigator.clipboard.writeText(text)", code)
    page.keyboard.press("Control+V")
    # The browser reads the clipboard asynchronously: wait until the paste has landed, as a
    # person sees it land before pressing Ctrl+Enter (a busy machine can take a while).
    page.wait_for_function(
        "text => window.reviewAppEditor.getValue() === text", arg=code, timeout=15_000
    )


def editor_text(page: Page) -> str:
    """What the Monaco editor holds now."""
    return page.evaluate("window.reviewAppEditor.getValue()")


def marker_lines(page: Page) -> dict[int, list[str]]:
    """The editor's inline markers: line -> messages."""
    markers = page.evaluate(
        "window.reviewAppMonaco.editor.getModelMarkers({}).map(m => [m.startLineNumber, m.message])"
    )
    lines: dict[int, list[str]] = {}
    for line, message in markers:
        lines.setdefault(line, []).append(message)
    return lines


def alert(page: Page, text: str | re.Pattern) -> Locator:
    """Our alert saying `text` (Monaco leaves empty alert regions of its own in the page)."""
    return page.get_by_role("alert").filter(has_text=text)


def open_editor_signed_in(page: Page, base_url: str) -> str:
    """A new account signed in on /editor, with Monaco ready; its email."""
    _, email = add_user()
    page.goto(f"{base_url}/editor")
    sign_in(page, email)
    expect(page.locator(".monaco-editor")).to_be_visible(timeout=30_000)
    return email


def decide(page: Page, row: Locator, kind: str, comment: str) -> None:
    """Take a decision (e.g. "Won't fix") with a comment on a finding's row."""
    row.get_by_role("button", name="Decide on this finding").click()
    page.get_by_role("combobox", name="Decision", exact=True).click()
    page.get_by_role("option", name=kind, exact=True).click()
    page.get_by_label("Comment").fill(comment)
    page.get_by_role("button", name="Save decision").click()
