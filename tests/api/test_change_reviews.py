"""Reviewing a change between two versions of a project: only the files that differ, findings
sorted into new, fixed and unchanged, a gate that counts the new ones, SARIF baseline states."""

import pytest
from fastapi.testclient import TestClient

from tests.api.test_project_reviews import (
    CLEAN,
    GO,
    VULNERABLE,
    create_project,
    finished,
)

MUTABLE_DEFAULT = (
    'def add(tag: str, tags: list[str] = []) -> list[str]:\n    """Add."""\n'
    "    tags.append(tag)\n    return tags\n"
)
COMMAND_ROUTE = (
    '\n\n@app.route("/run")\ndef run():\n    return os.popen(request.args["cmd"]).read()\n'
)
BASE = {
    "app/views.py": VULNERABLE,
    "app/greeting.py": CLEAN,
    "app/tags.py": MUTABLE_DEFAULT,
    "cmd/run.go": GO,
}
HEAD = {
    "app/views.py": "import os\n" + VULNERABLE + COMMAND_ROUTE,  # the old flaw moved down
    "app/greeting.py": CLEAN,
    "app/hello.py": CLEAN.replace("greet", "hello"),
    "cmd/run.go": GO,
}  # app/tags.py deleted


def start_change(api: TestClient, headers: dict, head: str, base: str) -> dict:
    response = api.post(
        f"/api/projects/{head}/reviews", json={"base_project_id": base}, headers=headers
    )
    assert response.status_code == 202, response.text
    return response.json()


@pytest.fixture
def change(api: TestClient, headers_of, two_workers) -> tuple[dict, str, str, dict]:
    """A change reviewed to the end: (headers, head project, review id, detail)."""
    ada = headers_of("ada@example.com")
    base, head = create_project(api, ada, BASE), create_project(api, ada, HEAD)
    started = start_change(api, ada, head, base)
    assert started["file_count"] == 2  # views.py changed, hello.py added; the rest is the same
    detail = finished(api, ada, head, started["id"])
    return ada, head, started["id"], detail


def test_only_changed_files_are_reviewed_and_findings_are_new_fixed_or_unchanged(
    api: TestClient, change
) -> None:
    ada, head, review_id, detail = change
    assert [file["path"] for file in detail["files"]] == ["app/hello.py", "app/views.py"]
    assert detail["base_review_id"] is not None
    by_path = {file["path"]: file for file in detail["summary"]["change"]["files"]}
    assert by_path["app/hello.py"] == {
        "path": "app/hello.py",
        "change": "added",
        "new": 0,
        "fixed": 0,
        "unchanged": 0,
    }
    assert by_path["app/tags.py"]["change"] == "deleted"
    assert by_path["app/tags.py"]["fixed"] >= 1
    views = by_path["app/views.py"]
    assert views["change"] == "modified"
    assert views["new"] >= 1  # the command injection
    assert views["unchanged"] >= 1  # the SQL injection, moved a line down
    change_summary = detail["summary"]["change"]
    assert (
        change_summary["new_by_severity"]["high"] + change_summary["new_by_severity"]["critical"]
        >= 1
    )

    gate = api.get(
        f"/api/projects/{head}/reviews/{review_id}", params={"fail_on": "high"}, headers=ada
    ).json()["gate"]
    assert gate["counted"] == "new findings"
    assert gate["failing"] >= 1
    assert gate["passed"] is False


def test_the_sarif_of_a_change_marks_each_result_new_unchanged_or_absent(
    api: TestClient, change
) -> None:
    ada, head, review_id, _ = change
    url = f"/api/projects/{head}/reviews/{review_id}/export"
    [run] = api.get(url, params={"format": "sarif"}, headers=ada).json()["runs"]
    states = {}
    for result in run["results"]:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        states.setdefault(uri, set()).add((result["baselineState"], result["ruleId"]))
    assert ("unchanged", "python-sql-injection") in states["app/views.py"]
    assert any(state == "new" for state, _ in states["app/views.py"])
    assert {state for state, _ in states["app/tags.py"]} == {"absent"}
    assert "app/greeting.py" not in states  # the same in both: not part of the change

    markdown = api.get(url, params={"format": "markdown"}, headers=ada).text
    assert "New in this change:" in markdown
    assert "python-sql-injection" not in markdown  # unchanged findings are not listed


def test_a_change_adding_clean_code_passes_the_gate_whatever_the_project_holds(
    api: TestClient,
    headers_of,
    two_workers,
) -> None:
    ada = headers_of("ada@example.com")
    base = create_project(api, ada, BASE)
    head = create_project(api, ada, {**BASE, "app/hello.py": CLEAN.replace("greet", "hello")})
    started = start_change(api, ada, head, base)
    assert started["file_count"] == 1
    detail = finished(api, ada, head, started["id"])
    gate = api.get(
        f"/api/projects/{head}/reviews/{started['id']}",
        params={"fail_on": "low"},
        headers=ada,
    ).json()["gate"]
    assert (gate["passed"], gate["failing"]) == (True, 0)
    assert detail["summary"]["change"]["new"] == 0
    # The base project's own reviews do not list the partial review of its changed files.
    assert api.get(f"/api/projects/{base}/reviews", headers=ada).json()["total"] == 0


def test_a_change_from_someone_elses_project_is_refused(api: TestClient, headers_of) -> None:
    ada, bob = headers_of("ada@example.com"), headers_of("bob@example.com")
    bobs = create_project(api, bob, BASE)
    head = create_project(api, ada, HEAD)
    response = api.post(
        f"/api/projects/{head}/reviews", json={"base_project_id": bobs}, headers=ada
    )
    assert response.status_code == 404
    assert api.get(f"/api/projects/{head}/reviews", headers=ada).json()["total"] == 0
