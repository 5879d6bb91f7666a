"""The project workspace: files open in tabs, edited with their own undo, saved, added,
renamed, deleted, found with Ctrl/Cmd+P, and reviewed one at a time."""

from playwright.sync_api import Page, expect

from review_app.processes import wait_for
from review_app.services.projects import files
from review_app.services.projects import store as projects
from support.browser import editor_text, marker_lines, sign_in
from support.platform import RunningPlatform
from support.seed import add_project, add_user
from tests.api.test_project_reviews import PROJECT

SHELL = (
    "import os\n\nfrom flask import request\n\n\n"
    'def run():\n    return os.system(request.args["cmd"])\n'
)


def _open_project(page: Page, base_url: str) -> tuple:
    user_id, email = add_user()
    project_id = add_project(user_id, PROJECT)
    page.goto(f"{base_url}/projects/{project_id}")
    sign_in(page, email)
    expect(page.get_by_role("heading", name="shop")).to_be_visible()
    return user_id, project_id


def _type_at_end(page: Page, text: str, *, paste: bool = False) -> None:
    page.locator(".monaco-editor .view-lines").first.click()
    page.keyboard.press("Control+End")
    if not paste:
        page.keyboard.type(text)
        return
    before = editor_text(page)
    page.evaluate("text => navigator.clipboard.writeText(text)", text)
    page.keyboard.press("Control+V")  # one edit, undone in one step
    wait_for(lambda: editor_text(page) == before + text, timeout=15, what="the paste")


def _saved_text(user_id, project_id, path: str) -> str:
    return files.read_file(user_id=user_id, project_id=project_id, path=path).content


def test_open_files_keep_their_own_edits_and_undo_until_saved(
    platform_settings: RunningPlatform, page: Page
) -> None:
    user_id, project_id = _open_project(page, platform_settings.url)
    page.get_by_role("button", name="Open app/views.py").click()
    expect(page.locator(".monaco-editor")).to_contain_text("SELECT * FROM users")
    _type_at_end(page, "# views edit", paste=True)
    expect(page.get_by_role("button", name="Tab app/views.py (unsaved)")).to_be_visible()

    page.keyboard.press("Control+P")  # from inside the editor
    page.get_by_label("File name").fill("greet")
    expect(page.locator(".finder-match").first).to_have_text("app/greeting.py")
    page.keyboard.press("Enter")
    expect(page.locator(".monaco-editor")).to_contain_text("Say hello")
    _type_at_end(page, "# greeting edit")
    expect(page.get_by_role("button", name="Tab app/greeting.py (unsaved)")).to_be_visible()

    page.get_by_role("button", name="Tab app/views.py (unsaved)").click()
    wait_for(lambda: "# views edit" in editor_text(page), timeout=10, what="the views edit back")
    assert "# greeting edit" not in editor_text(page)
    page.locator(".monaco-editor .view-lines").first.click()
    page.keyboard.press("Control+Z")  # undoes this file's edit (one paste) only
    wait_for(lambda: editor_text(page) == PROJECT["app/views.py"], timeout=10, what="undo")
    expect(page.get_by_role("button", name="Tab app/views.py", exact=True)).to_be_visible()

    page.get_by_role("button", name="Tab app/greeting.py (unsaved)").click()
    wait_for(lambda: "# greeting edit" in editor_text(page), timeout=10, what="the other edit")
    page.locator(".monaco-editor .view-lines").first.click()
    page.keyboard.press("Control+S")
    expect(page.get_by_role("button", name="Tab app/greeting.py", exact=True)).to_be_visible()
    assert _saved_text(user_id, project_id, "app/greeting.py").endswith("# greeting edit")
    assert _saved_text(user_id, project_id, "app/views.py") == PROJECT["app/views.py"]

    _type_at_end(page, "\n# not kept")
    expect(page.get_by_role("button", name="Tab app/greeting.py (unsaved)")).to_be_visible()
    page.get_by_role("button", name="Close app/greeting.py").click()
    page.get_by_role("button", name="Discard").click()
    expect(page.locator(".workspace-tab")).to_have_count(1)
    page.get_by_role("button", name="Open app/greeting.py").click()
    wait_for(
        lambda: editor_text(page).endswith("# greeting edit"), timeout=10, what="the saved text"
    )


def test_files_are_added_renamed_deleted_and_reviewed_alone(
    platform_settings: RunningPlatform, page: Page, screenshot
) -> None:
    user_id, project_id = _open_project(page, platform_settings.url)
    page.get_by_role("button", name="New file").click()
    page.get_by_label("Path in the project").fill("app/shell.py")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Tab app/shell.py")).to_be_visible()
    expect(page.get_by_role("button", name="Open app/shell.py")).to_be_visible()
    _type_at_end(page, SHELL, paste=True)
    page.get_by_role("button", name="Review file").click()  # saves, then reviews this file
    expect(page.get_by_label("Overall score")).to_be_visible(timeout=60_000)
    wait_for(
        lambda: any("OS command" in text for text in marker_lines(page).get(7, [])),
        timeout=30,
        what="the command injection marked on its line",
    )
    assert _saved_text(user_id, project_id, "app/shell.py") == SHELL
    screenshot(page, "project-workspace-editing")

    page.get_by_role("button", name="Rename").click()
    page.get_by_label("Path in the project").fill("tools/run.py")
    page.get_by_role("button", name="OK").click()
    expect(page.get_by_role("button", name="Tab tools/run.py")).to_be_visible()
    expect(page.get_by_role("button", name="Open tools/run.py")).to_be_visible()
    expect(page.get_by_role("button", name="Open app/shell.py")).to_have_count(0)

    page.get_by_role("button", name="Rename").click()
    page.get_by_label("Path in the project").fill("app/views.py")
    page.get_by_role("button", name="OK").click()
    expect(page.get_by_role("alert").filter(has_text="already has a file")).to_be_visible()
    page.get_by_role("button", name="Cancel").click()

    page.get_by_role("button", name="Delete").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Delete").click()
    expect(page.get_by_role("button", name="Open tools/run.py")).to_have_count(0)
    expect(page.locator(".workspace-tab")).to_have_count(0)
    paths = {
        file.path for file in projects.get_project(user_id=user_id, project_id=project_id).files
    }
    assert paths == set(PROJECT)


def test_an_empty_project_is_filled_in_the_workspace_and_reviewed(
    platform_settings: RunningPlatform, page: Page
) -> None:
    _, email = add_user()
    page.goto(f"{platform_settings.url}/projects")
    sign_in(page, email)
    page.get_by_label("Project name").fill("scratch")
    page.get_by_role("button", name="Start an empty project").click()
    expect(page.get_by_role("heading", name="scratch")).to_be_visible(timeout=20_000)
    page.get_by_role("button", name="New file").click()
    page.get_by_label("Path in the project").fill("app/shell.py")
    page.keyboard.press("Enter")
    _type_at_end(page, SHELL, paste=True)
    page.keyboard.press("Control+S")
    expect(page.get_by_role("button", name="Tab app/shell.py", exact=True)).to_be_visible()

    page.get_by_role("button", name="Review project").click()
    expect(page.locator("#project-score")).to_contain_text("findings in 1 files", timeout=60_000)
    expect(page.get_by_text("Look first at:")).to_contain_text("app/shell.py")
