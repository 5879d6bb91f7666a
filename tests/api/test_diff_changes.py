"""A change sent as a unified diff against a project: applied exactly, reviewed as a change;
a diff that is not one, or does not apply, is refused and stores nothing."""

import subprocess
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import func, select

from review_app.db import session_scope
from review_app.models import Project
from tests.api.test_change_reviews import BASE, COMMAND_ROUTE
from tests.api.test_project_reviews import create_project, finished


def git(folder: Path, *arguments: str) -> str:
    """Run git in `folder`; its output."""
    command = ["git", "-c", "user.email=dev@example.com", "-c", "user.name=Dev", *arguments]
    done = subprocess.run(command, cwd=folder, check=True, capture_output=True, text=True)
    return done.stdout


def write(folder: Path, files: dict[str, str]) -> None:
    """Make `folder` hold exactly the Python files `files`."""
    for path in folder.rglob("*.py"):
        path.unlink()
    for path, text in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text)


def git_diff(tmp_path: Path, before: dict[str, str], after: dict[str, str]) -> str:
    """What `git diff` prints between two versions of a folder."""
    folder = tmp_path / "repo"
    folder.mkdir()
    write(folder, before)
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "base")
    write(folder, after)
    git(folder, "add", "-A")
    return git(folder, "diff", "--cached")


def projects() -> int:
    with session_scope() as session:
        return session.exec(select(func.count()).select_from(Project)).one()


def test_a_git_diff_is_applied_and_reviewed_as_a_change(
    api: TestClient, headers_of, two_workers, tmp_path: Path
) -> None:
    ada = headers_of("ada@example.com")
    base_id = create_project(api, ada, BASE)
    after = {**BASE, "app/views.py": "import os\n" + BASE["app/views.py"] + COMMAND_ROUTE}
    del after["app/tags.py"]
    diff = git_diff(tmp_path, BASE, after)

    response = api.post(f"/api/projects/{base_id}/changes", json={"diff": diff}, headers=ada)
    assert response.status_code == 202, response.text
    started = response.json()
    assert started["file_count"] == 1  # views.py; tags.py's base version is reviewed too
    head_id = started["project_id"]
    assert head_id != base_id
    detail = finished(api, ada, head_id, started["id"])
    by_path = {file["path"]: file for file in detail["summary"]["change"]["files"]}
    assert by_path["app/views.py"]["new"] >= 1
    assert by_path["app/tags.py"]["change"] == "deleted"
    files = {
        file["path"] for file in api.get(f"/api/projects/{head_id}", headers=ada).json()["files"]
    }
    assert files == {"app/views.py", "app/greeting.py", "cmd/run.go"}


def test_a_diff_that_does_not_apply_or_is_not_one_is_refused_and_stores_nothing(
    api: TestClient, headers_of, tmp_path: Path
) -> None:
    ada = headers_of("ada@example.com")
    base_id = create_project(api, ada, BASE)
    stale = git_diff(tmp_path, {"app/greeting.py": "x = 1\n"}, {"app/greeting.py": "x = 2\n"})
    before = projects()
    for diff, said in (
        (stale, "does not apply to app/greeting.py"),
        ("hello, this is not a diff", "changes no file"),
        ("--- a/../../etc/passwd\n+++ b/../../etc/passwd\n@@ -1 +1 @@\n-a\n+b\n", "'..'"),
    ):
        response = api.post(f"/api/projects/{base_id}/changes", json={"diff": diff}, headers=ada)
        assert response.status_code == 422, response.text
        assert said in response.json()["detail"]
    assert projects() == before
    bob = headers_of("bob@example.com")
    assert (
        api.post(f"/api/projects/{base_id}/changes", json={"diff": stale}, headers=bob).status_code
        == 404
    )
