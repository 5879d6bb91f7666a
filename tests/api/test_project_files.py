"""Editing a project's files one by one through the API, as the workspace does."""

from fastapi.testclient import TestClient

from tests.api.test_project_reviews import CLEAN, PROJECT, create_project, finished, start_review


def test_files_are_read_written_renamed_and_deleted_with_the_totals_kept(
    api: TestClient, headers_of
) -> None:
    ada = headers_of("ada@example.com")
    project_id = create_project(api, ada)
    files = f"/api/projects/{project_id}/files"
    before = api.get(f"/api/projects/{project_id}", headers=ada).json()

    read = api.get(f"{files}/app/greeting.py", headers=ada)
    assert read.status_code == 200
    assert read.json()["content"] == CLEAN
    assert read.json()["language"] == "python"

    written = api.put(f"{files}/app/new.ts", json={"content": "export const x = 1;\n"}, headers=ada)
    assert written.status_code == 200, written.text
    assert written.json() == {"path": "app/new.ts", "language": "typescript", "size": 20}
    replaced = api.put(f"{files}/app/greeting.py", json={"content": "X = 1\n"}, headers=ada)
    assert replaced.json()["size"] == 6
    assert api.get(f"{files}/app/greeting.py", headers=ada).json()["content"] == "X = 1\n"

    moved = api.patch(f"{files}/app/new.ts", json={"path": "web/new.js"}, headers=ada)
    assert moved.json()["language"] == "javascript"
    taken = api.patch(f"{files}/web/new.js", json={"path": "app/views.py"}, headers=ada)
    assert taken.status_code == 409
    assert api.delete(f"{files}/web/new.js", headers=ada).status_code == 204
    assert api.get(f"{files}/web/new.js", headers=ada).status_code == 404

    after = api.get(f"/api/projects/{project_id}", headers=ada).json()
    assert after["file_count"] == before["file_count"]
    assert after["total_bytes"] == before["total_bytes"] - len(CLEAN) + 6
    assert sorted(file["path"] for file in after["files"]) == sorted(PROJECT)


def test_bad_paths_and_text_are_refused_and_change_nothing(
    api: TestClient, headers_of, set_env
) -> None:
    ada = headers_of("ada@example.com")
    project_id = create_project(api, ada)
    files = f"/api/projects/{project_id}/files"
    set_env(MAX_CODE_BYTES="100")

    assert (
        api.put(f"{files}/bad%01name.py", json={"content": "x\n"}, headers=ada).status_code == 422
    )
    nul = api.put(f"{files}/a.py", json={"content": "x = 1\x00\n"}, headers=ada)
    assert nul.status_code == 422
    large = api.put(f"{files}/a.py", json={"content": "x = 1\n" * 50}, headers=ada)
    assert large.status_code == 413
    assert "100" in large.json()["detail"]
    assert api.get(f"{files}/a.py", headers=ada).status_code == 404
    bob = headers_of("bob@example.com")
    assert api.get(f"{files}/app/greeting.py", headers=bob).status_code == 404
    assert api.put(f"{files}/b.py", json={"content": "x\n"}, headers=bob).status_code == 404
    assert api.delete(f"{files}/app/greeting.py", headers=bob).status_code == 404


def test_after_an_edit_the_next_review_runs_only_the_edited_file(
    api: TestClient, headers_of, two_workers
) -> None:
    ada = headers_of("ada@example.com")
    project_id = create_project(api, ada)
    finished(api, ada, project_id, start_review(api, ada, project_id)["id"])

    api.put(
        f"/api/projects/{project_id}/files/app/views.py",
        json={"content": PROJECT["app/views.py"].replace("SELECT *", "SELECT id")},
        headers=ada,
    )
    again = start_review(api, ada, project_id)
    assert (again["file_count"], again["cached_files"]) == (4, 3)
    detail = finished(api, ada, project_id, again["id"])
    assert [file["cached"] for file in detail["files"]] == [True, True, False, True]
