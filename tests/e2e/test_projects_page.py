"""Projects in the browser: upload an archive, review every file, watch it finish, open a file."""

import re
import secrets

from playwright.sync_api import Page, expect

from review_app.processes import wait_for
from support.browser import decide, marker_lines, sign_in
from support.platform import RunningPlatform
from support.seed import add_project, add_user
from tests.api.test_project_reviews import PROJECT
from tests.project_archives import zip_of


def test_an_uploaded_project_is_reviewed_with_a_summary_and_files_to_open(
    platform_settings: RunningPlatform, page: Page, screenshot
) -> None:
    _, email = add_user()
    page.goto(f"{platform_settings.url}/projects")
    sign_in(page, email)
    page.get_by_label("Project name").fill("shop")
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "shop.zip", "mimeType": "application/zip", "buffer": zip_of(PROJECT)}]
    )
    expect(page).to_have_url(re.compile(r"/projects/[0-9a-f-]{36}$"), timeout=20_000)
    expect(page.get_by_role("heading", name="shop")).to_be_visible()
    files = page.locator(".project-file-row")
    expect(files).to_have_count(4)
    expect(page.get_by_text("Kept but not reviewed")).to_contain_text("README.md")

    page.get_by_role("button", name="Review project").click()
    expect(page.locator("#project-score")).to_contain_text("findings in 4 files", timeout=60_000)
    expect(page.get_by_text("Look first at:")).to_contain_text("app/views.py")
    expect(page.locator(".project-file-row").filter(has_text="greeting.py").first).to_be_visible()

    page.reload()  # the latest review is there on the next visit
    expect(page.locator("#project-score")).to_contain_text("findings in 4 files")
    page.get_by_role("button", name="Open app/views.py").click()
    expect(page.get_by_text("SQL query built from request data").first).to_be_visible()
    expect(page.locator(".monaco-editor")).to_contain_text("SELECT * FROM users")
    wait_for(lambda: 11 in marker_lines(page), timeout=10, what="the finding marked on line 11")
    screenshot(page, "project-workspace")
    page.get_by_role("link", name="full review").click()
    expect(page).to_have_url(re.compile(r"/reviews/[0-9a-f-]{36}$"))
    expect(page.get_by_text("SQL query built from request data").first).to_be_visible()

    page.goto(f"{platform_settings.url}/projects")
    expect(page.locator(".project-row")).to_have_count(1)
    expect(page.locator(".project-row")).to_contain_text("shop")
    page.goto(f"{platform_settings.url}/history")  # the project review is in the history
    history = page.locator(".project-history-row")
    expect(history).to_have_count(1)
    expect(history).to_contain_text(re.compile(r"shop\s*4\s*completed"))


def test_an_archive_that_is_not_one_is_refused_in_words(
    platform_settings: RunningPlatform, page: Page
) -> None:
    _, email = add_user()
    page.goto(f"{platform_settings.url}/projects")
    sign_in(page, email)
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "notes.zip", "mimeType": "application/zip", "buffer": b"just text"}]
    )
    expect(page.get_by_role("alert")).to_contain_text("notes.zip:")
    expect(page.locator(".project-row")).to_have_count(0)


def test_a_project_archive_larger_than_one_file_upload_goes_through(
    platform_settings: RunningPlatform, page: Page
) -> None:
    data = "\n".join(f'KEY_{n} = "{secrets.token_hex(32)}"' for n in range(12_000))
    archive = zip_of({"app/keys.py": data, "app/main.py": "print('hi')\n"})
    assert len(archive) > 400_000  # past what an upload to the editor may carry
    _, email = add_user()
    page.goto(f"{platform_settings.url}/projects")
    sign_in(page, email)
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "keys.zip", "mimeType": "application/zip", "buffer": archive}]
    )
    expect(page).to_have_url(re.compile(r"/projects/[0-9a-f-]{36}$"), timeout=20_000)
    expect(page.locator(".project-file-row")).to_have_count(2)


GREETING_CHANGE = """\
diff --git a/app/greeting.py b/app/greeting.py
--- a/app/greeting.py
+++ b/app/greeting.py
@@ -1,3 +1,8 @@
+import os
+
+from flask import request
+
+
 def greet(name: str) -> str:
     \"\"\"Say hello.\"\"\"
-    return f"Hello, {name}!"
+    return os.popen("echo " + request.args["name"]).read()
diff --git a/app/views.py b/app/views.py
--- a/app/views.py
+++ b/app/views.py
@@ -9,3 +9,7 @@ def user():
     name = request.args["name"]
     db = sqlite3.connect("app.db")
     return str(db.execute("SELECT * FROM users WHERE name = '" + name + "'").fetchall())
+
+
+def calculate():
+    return str(eval(request.args["expression"]))
"""


def test_a_pasted_diff_is_reviewed_as_a_change_against_the_project(
    platform_settings: RunningPlatform, page: Page, screenshot
) -> None:
    user_id, email = add_user()
    project_id = add_project(user_id, PROJECT)
    page.goto(f"{platform_settings.url}/projects/{project_id}")
    sign_in(page, email)
    page.get_by_role("button", name="Review a change").click()
    page.get_by_label("Unified diff").fill("@@ -1,1 +1,1 @@\n-nothing here\n+x\n")
    page.get_by_role("button", name="Review change").click()
    expect(page.get_by_role("dialog").get_by_role("alert")).to_be_visible()
    expect(page).to_have_url(re.compile(f"/projects/{project_id}$"))

    page.get_by_label("Unified diff").fill(GREETING_CHANGE)
    page.get_by_role("button", name="Review change").click()
    expect(page.get_by_role("heading", name="shop + change")).to_be_visible(timeout=20_000)
    expect(page.locator("#project-change")).to_contain_text(
        re.compile(r"Against the version before: [1-9]\d* new"), timeout=60_000
    )
    changed = page.locator(".changed-file-row")
    expect(changed).to_have_count(2)
    expect(changed.first).to_contain_text(re.compile(r"app/greeting\.py\s*modified\s*[1-9]"))
    screenshot(page, "project-change-review")
    listed = page.locator("#project-findings .finding-row")  # new findings only, at first
    expect(listed.filter(has_text="eval")).not_to_have_count(0)
    expect(listed.filter(has_text="unchanged")).to_have_count(0)
    page.get_by_text("Show unchanged").click()  # the SQL query was there before the change
    expect(listed.filter(has_text="unchanged").filter(has_text="SQL query")).not_to_have_count(0)

    # Decided on and discussed here, the findings are the project's the change is against.
    query = listed.filter(has_text="unchanged").filter(has_text="SQL query").first
    decide(page, query, "Accepted risk", "an internal tool")
    expect(query).to_have_attribute("data-decision", "accepted risk")
    evaluated = listed.filter(has_text="eval").first
    evaluated.get_by_role("button", name="Discuss this finding").click()
    talk = page.get_by_role("dialog")
    talk.get_by_label("Comment").fill("Who may call this?")
    talk.get_by_role("button", name="Comment", exact=True).click()
    expect(talk.locator(".comment")).to_contain_text("Who may call this?")
    page.keyboard.press("Escape")
    expect(evaluated.locator(".finding-thread")).to_have_text("1 comment · open")
    page.get_by_role("button", name="Open app/greeting.py").click()
    expect(page.get_by_text("OS command built from request data").first).to_be_visible()

    page.get_by_role("link", name="← Projects").click()
    page.get_by_role("link", name="shop", exact=True).click()
    expect(page).to_have_url(re.compile(f"/projects/{project_id}$"))
    page.get_by_role("button", name="Review project").click()
    base_query = page.locator("#project-findings .finding-row").filter(has_text="SQL query")
    expect(base_query.first).to_have_attribute("data-decision", "accepted risk", timeout=60_000)
    expect(page.locator(".thread-row")).to_contain_text("app/views.py")
