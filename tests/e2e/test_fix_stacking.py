"""Fixes stack in the editor: after one fix the other findings keep their markers on their
moved lines and their fixes still apply; "Apply all safe fixes" applies the tool-vouched ones."""

from pathlib import Path

from playwright.sync_api import Page, expect

from support.browser import editor_text, marker_lines, open_editor_signed_in, paste_code
from support.platform import RunningPlatform

TOOL = (Path(__file__).parents[1] / "fixtures" / "review" / "python_fixable.py").read_text()
BARE_EXCEPT_LINE = 10


def _reviewed(page: Page, base_url: str) -> None:
    open_editor_signed_in(page, base_url)
    page.get_by_label("File name").fill("tool.py")
    paste_code(page, TOOL)
    page.keyboard.press("Control+Enter")
    expect(page.get_by_label("Overall score")).to_be_visible(timeout=60_000)


def _wait_for_text(page: Page, condition: str) -> None:
    """Wait until `condition` (a JavaScript function of the editor's text) holds."""
    page.wait_for_function(f"() => ({condition})(window.reviewAppEditor.getValue())")


def _apply_fix_of(page: Page, finding_text: str) -> None:
    row = page.locator(".finding-row", has_text=finding_text).first
    expect(row.locator("code").first).to_have_text(finding_text.split()[0])  # `name` as code
    row.get_by_text("Suggested fix").click()
    row.get_by_role("button", name="Apply fix").click()
    expect(page.get_by_text("Fix applied")).to_be_visible()


def test_one_fix_after_another(platform_settings: RunningPlatform, page: Page) -> None:
    _reviewed(page, platform_settings.url)
    assert any("bare" in m.lower() for m in marker_lines(page).get(BARE_EXCEPT_LINE, []))

    _apply_fix_of(page, "os imported but unused")
    _wait_for_text(page, "text => !text.includes('import os')")
    expect(page.get_by_role("button", name=f"Go to line {BARE_EXCEPT_LINE - 1}")).to_be_visible()
    page.wait_for_function(
        "line => window.reviewAppMonaco.editor.getModelMarkers({})"
        ".some(marker => marker.startLineNumber === line)",
        arg=BARE_EXCEPT_LINE - 1,
    )

    _apply_fix_of(page, "json imported but unused")  # computed before the first fix
    _wait_for_text(page, "text => !text.includes('import json')")
    assert editor_text(page).startswith("import sys\n")
    expect(page.get_by_role("alert").filter(has_text="no longer applies")).to_have_count(0)


def test_apply_all_safe_fixes(platform_settings: RunningPlatform, page: Page) -> None:
    _reviewed(page, platform_settings.url)
    page.get_by_role("button", name="Apply all safe fixes (2)").click()
    expect(page.get_by_role("status").filter(has_text="Applied 2 safe fixes.")).to_be_visible()
    _wait_for_text(page, "text => text.startsWith('import sys\\n')")
    text = editor_text(page)
    assert "import os" not in text
    assert "import json" not in text
    assert "except:" in text  # no tool vouches for a fix of the bare except
    expect(page.get_by_role("button", name="Apply all safe fixes (2)")).to_have_count(0)
    page.locator(".monaco-editor .view-lines").first.click()
    page.keyboard.press("Control+z")  # one undo step brings the code back
    _wait_for_text(page, "text => text.startsWith('import os\\n')")


def test_fixes_are_monaco_quick_fixes_and_submit_works_from_anywhere(
    platform_settings: RunningPlatform, page: Page
) -> None:
    open_editor_signed_in(page, platform_settings.url)
    paste_code(page, TOOL)
    page.get_by_label("File name").fill("tool.py")
    page.keyboard.press("Control+Enter")  # from the file name field, not the editor
    expect(page.get_by_label("Overall score")).to_be_visible(timeout=60_000)

    page.get_by_role("button", name="Go to line 1").first.click()  # the cursor on `import os`
    page.wait_for_function(  # the server's answer moves the cursor and focuses the editor
        "() => window.reviewAppEditor.hasTextFocus()"
        " && window.reviewAppEditor.getPosition().lineNumber === 1"
    )
    page.keyboard.press("Control+.")
    page.get_by_text("Apply fix: `os` imported but unused").click()
    _wait_for_text(page, "text => !text.includes('import os')")
    expect(page.get_by_text("Fix applied")).to_be_visible()
