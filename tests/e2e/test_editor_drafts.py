"""The editor keeps a person's work: a reload brings the draft back, opening a job shows its
code, and a file name the review cannot tell the language of is said plainly."""

from playwright.sync_api import Page, expect

from support.browser import editor_text, open_editor_signed_in, paste_code
from support.platform import RunningPlatform

DRAFT = "def total(prices):\n    return sum(prices)\n"


def test_a_reload_keeps_the_draft(platform_settings: RunningPlatform, page: Page) -> None:
    open_editor_signed_in(page, platform_settings.url)
    page.get_by_label("File name").fill("prices.py")
    paste_code(page, DRAFT)
    expect(page.get_by_label("Code size")).to_have_text(f"{len(DRAFT)} bytes of 200.0 KB")
    page.reload()
    expect(page.locator(".monaco-editor")).to_be_visible(timeout=30_000)
    page.wait_for_function("text => window.reviewAppEditor.getValue() === text", arg=DRAFT)
    expect(page.get_by_label("File name")).to_have_value("prices.py")
    expect(page.get_by_label("Code size")).to_have_text(f"{len(DRAFT)} bytes of 200.0 KB")


def test_opening_a_job_shows_its_code(platform_settings: RunningPlatform, page: Page) -> None:
    open_editor_signed_in(page, platform_settings.url)
    page.get_by_label("File name").fill("prices.py")
    paste_code(page, DRAFT)
    page.keyboard.press("Control+Enter")
    expect(page.get_by_label("Overall score")).to_be_visible(timeout=60_000)
    paste_code(page, "x = 1\n")
    page.get_by_role("button", name="Open review of prices.py").click()
    page.wait_for_function("text => window.reviewAppEditor.getValue() === text", arg=DRAFT)
    assert editor_text(page) == DRAFT
    expect(page.get_by_role("status")).to_contain_text("Ctrl/Cmd+Z brings back yours")


def test_an_unknown_extension_is_said(platform_settings: RunningPlatform, page: Page) -> None:
    open_editor_signed_in(page, platform_settings.url)
    page.get_by_label("File name").fill("notes.txt")
    expect(page.get_by_role("status")).to_contain_text(".txt is not a language review_app reviews")
