"""A finished review names the analyzers that checked the code, and every finding of the rule
pack links to its rule's page: why it matters, a bad and a good example, how to fix it."""

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from support.browser import open_editor_signed_in, paste_code
from support.platform import RunningPlatform

SHOP = (Path(__file__).parents[1] / "fixtures" / "review" / "python_defects.py").read_text()


def test_a_finding_links_to_its_rule_page(platform_settings: RunningPlatform, page: Page) -> None:
    open_editor_signed_in(page, platform_settings.url)
    page.get_by_label("File name").fill("shop.py")
    paste_code(page, SHOP)
    page.keyboard.press("Control+Enter")

    expect(page.get_by_label("Overall score")).to_be_visible(timeout=60_000)
    checked_by = page.get_by_label("Analyzers")
    for analyzer in ("ruff", "bandit", "semgrep", "ty"):
        expect(checked_by.get_by_text(analyzer, exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="CWE-89")).to_have_attribute(
        "href", "https://cwe.mitre.org/data/definitions/89.html"
    )

    page.get_by_role("link", name="Rule python-sql-injection").click()
    expect(page).to_have_url(re.compile(r"/rules/python-sql-injection$"))
    expect(page.get_by_role("heading", name="SQL query built from request data")).to_be_visible()
    for heading in ("Why it matters", "How to fix it", "Vulnerable", "Fixed"):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()

    page.goto(f"{platform_settings.url}/rules/no-such-rule")
    expect(page.get_by_role("alert")).to_contain_text("There is no rule with this id")
