"""A review with many findings stays usable: one page at a time, text search, and the findings
grouped by rule (a 190 KB file gave 2,949 rows on one 157,000-px page)."""

from playwright.sync_api import Page, expect

from support.browser import open_editor_signed_in, paste_code
from support.platform import RunningPlatform

UNUSED_IMPORTS = 120
CODE = "".join(f"import module_{number}\n" for number in range(UNUSED_IMPORTS)) + (
    "\n\ndef read(path):\n    try:\n        return open(path).read()\n    except:\n"
    "        return None\n"
)


def test_many_findings_come_in_pages_groups_and_search(
    platform_settings: RunningPlatform, page: Page
) -> None:
    open_editor_signed_in(page, platform_settings.url)
    page.get_by_label("File name").fill("imports.py")
    paste_code(page, CODE)
    page.keyboard.press("Control+Enter")
    expect(page.get_by_label("Overall score")).to_be_visible(timeout=60_000)

    rows = page.locator(".finding-row")
    expect(rows).to_have_count(50)
    shown = page.get_by_label("Findings shown")
    expect(shown).to_contain_text("1-50 of ")
    page.get_by_role("button", name="Next").click()
    expect(shown).to_contain_text("51-100 of ")
    expect(page.get_by_role("button", name="Previous")).to_be_enabled()

    page.get_by_label("Search findings").fill("module_17")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("module_17")
    expect(shown).to_have_text("1-1 of 1")
    page.get_by_label("Search findings").fill("")
    expect(rows).to_have_count(50)

    page.get_by_text("Group by rule").click()
    groups = page.locator(".rule-group")
    expect(groups.first).to_contain_text("F401")
    expect(groups.first.get_by_label("Findings of this rule")).to_have_text(str(UNUSED_IMPORTS))
    expect(rows).to_have_count(0)
    page.get_by_role("button", name="Show the findings of E722").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("E722")
    page.get_by_role("button", name="Show every rule").click()
    expect(rows).to_have_count(50)
