"""A project review's findings in one list across files: filtered, searched, grouped by rule,
each opened at its line in the workspace and fixed there."""

import re

from playwright.sync_api import Locator, Page, expect

from review_app.processes import wait_for
from support.browser import decide, editor_text, sign_in
from support.platform import RunningPlatform
from support.seed import add_project, add_user
from tests.api.test_project_reviews import PROJECT

TIDY = "import os\nimport sys\n\nprint(sys.argv)\n"  # `os` unused: a safe fix removes it


def _paths(rows: Locator) -> set[str]:
    """The files of the listed findings, read in one go (the list may change meanwhile)."""
    return set(rows.evaluate_all("rows => rows.map(row => row.dataset.path)"))


def test_the_findings_of_every_file_are_listed_filtered_opened_and_fixed(
    platform_settings: RunningPlatform, page: Page, screenshot
) -> None:
    user_id, email = add_user()
    project_id = add_project(user_id, {**PROJECT, "app/tidy.py": TIDY})
    page.goto(f"{platform_settings.url}/projects/{project_id}")
    sign_in(page, email)
    page.get_by_role("button", name="Review project").click()
    expect(page.locator("#project-score")).to_contain_text("in 5 files", timeout=60_000)

    listed = page.locator("#project-findings")
    rows = listed.locator(".finding-row")
    expect(rows.first).to_be_visible()
    assert {"app/views.py", "cmd/run.go", "app/tidy.py"} <= _paths(rows)
    expect(listed.get_by_label("Project findings shown")).to_contain_text(re.compile(r"^1-\d+ of"))

    listed.get_by_label("Search project findings").fill("cmd/")
    expect(rows.first).to_have_attribute("data-path", "cmd/run.go")
    wait_for(lambda: _paths(rows) == {"cmd/run.go"}, timeout=10, what="only cmd/run.go listed")
    listed.get_by_label("Search project findings").fill("")
    listed.get_by_role("combobox", name="Severity", exact=True).click()
    page.get_by_role("option", name="high", exact=True).click()
    wait_for(
        lambda: _paths(rows) and "app/tidy.py" not in _paths(rows),
        timeout=10,
        what="the unused import (low) filtered out",
    )
    listed.get_by_role("combobox", name="Severity", exact=True).click()
    page.get_by_role("option", name="all", exact=True).click()

    listed.get_by_text("Group by rule").click()
    expect(listed.locator(".rule-group").filter(has_text="F401")).to_contain_text("app/tidy.py:1")
    listed.get_by_role("button", name="Show the findings of F401").click()
    expect(rows).to_have_count(1)
    screenshot(page, "project-findings")

    rows.first.get_by_text("Suggested fix").click()
    rows.first.get_by_role("button", name="Apply fix").click()
    expect(page.get_by_role("button", name="Tab app/tidy.py (unsaved)")).to_be_visible()
    wait_for(
        lambda: editor_text(page) == "import sys\n\nprint(sys.argv)\n",
        timeout=10,
        what="the unused import removed in the editor",
    )
    expect(rows).to_have_count(0)  # fixed in the editor: it leaves the list

    listed.get_by_role("button", name="Show every rule").click()
    listed.get_by_role("button", name="Go to app/views.py:11", exact=True).first.click()
    expect(page.get_by_role("button", name="Tab app/views.py", exact=True)).to_be_visible()
    expect(page.get_by_label("Code of the open file")).to_be_in_viewport()  # scrolled up to it
    wait_for(
        lambda: "SELECT * FROM users" in editor_text(page), timeout=10, what="app/views.py open"
    )
    expect(page.get_by_role("button", name="Tab app/tidy.py (unsaved)")).to_be_visible()


def test_the_projects_review_app_toml_is_shown_with_its_reviews_or_said_to_be_wrong(
    platform_settings: RunningPlatform, page: Page
) -> None:
    user_id, email = add_user()
    config = '[rules]\nseverity = { "F401" = "high" }\n\n[analyzers]\ndisable = ["bandit"]\n'
    project_id = add_project(user_id, {"review_app.toml": config, "app/tidy.py": TIDY})
    broken_id = add_project(user_id, {"review_app.toml": "[gate\n", "app/tidy.py": TIDY})
    page.goto(f"{platform_settings.url}/projects/{broken_id}")
    sign_in(page, email)
    expect(page.locator("#config-problem")).to_contain_text("review_app.toml is not valid TOML")

    page.goto(f"{platform_settings.url}/projects/{project_id}")
    expect(page.get_by_role("heading", name="shop")).to_be_visible()
    expect(page.locator("#config-problem")).to_have_count(0)
    page.get_by_role("button", name="Review project").click()
    expect(page.locator("#project-score")).to_contain_text("in 1 files", timeout=60_000)
    page.get_by_role("button", name="Open app/tidy.py").click()
    note = page.get_by_label("File context")
    expect(note).to_contain_text("Severities set by the project: F401 high.")
    expect(note).to_contain_text("Switched off by the project: bandit.")
    expect(page.get_by_label("Analyzers")).not_to_contain_text("bandit")


def test_a_decision_and_a_baseline_are_made_shown_kept_and_taken_back(
    platform_settings: RunningPlatform, page: Page, screenshot
) -> None:
    user_id, email = add_user()
    project_id = add_project(user_id, {"app/tidy.py": TIDY})
    page.goto(f"{platform_settings.url}/projects/{project_id}")
    sign_in(page, email)
    page.get_by_role("button", name="Review project").click()
    expect(page.locator("#project-score")).to_contain_text("in 1 files", timeout=60_000)
    unused = page.locator("#project-findings .finding-row").filter(has_text="F401")
    expect(unused).to_have_attribute("data-decision", "")

    decide(page, unused, "Won't fix", "kept for the plugin loader")
    expect(unused).to_have_attribute("data-decision", "won't fix")
    expect(unused).to_contain_text(f"kept for the plugin loader ({email})")
    screenshot(page, "finding-decided")

    page.reload()  # kept, and shown again with the review
    expect(unused).to_have_attribute("data-decision", "won't fix", timeout=20_000)
    unused.get_by_role("button", name="Take back").click()
    expect(unused).to_have_attribute("data-decision", "")
    expect(unused.get_by_role("button", name="Decide on this finding")).to_be_visible()

    # Accepting the review as the baseline hides every finding; clearing it brings them back.
    expect(page.get_by_text("No baseline: every finding is shown.")).to_be_visible()
    page.get_by_role("button", name="Accept as baseline").click()
    baseline = page.locator("#project-baseline")
    expect(baseline).to_contain_text(re.compile(rf"accepted .* UTC by {re.escape(email)}\."))
    expect(baseline).to_contain_text(re.compile(r"Hidden here: [1-9]"))
    expect(page.locator("#project-findings .finding-row")).to_have_count(0)
    page.reload()
    expect(baseline).to_contain_text("Hidden here:", timeout=20_000)
    page.get_by_role("button", name="Clear baseline").click()
    expect(page.get_by_text("No baseline: every finding is shown.")).to_be_visible()
    expect(unused).to_have_attribute("data-decision", "")
