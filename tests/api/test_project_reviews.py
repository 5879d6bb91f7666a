"""Reviewing whole projects through the REST API with real workers: progress, summary, cache,
exports, limits and other users."""

import uuid

from fastapi.testclient import TestClient
from sqlalchemy import update

from review_app.db import session_scope
from review_app.models import ProjectReview
from review_app.processes import wait_for
from review_app.services.live_channel import user_channel
from review_app.services.reviews.project_progress import finish_stalled
from support.pubsub import listening, read_events
from tests.project_archives import zip_of

VULNERABLE = (
    "import sqlite3\n"
    "from flask import Flask, request\n\n"
    "app = Flask(__name__)\n\n\n"
    '@app.route("/user")\n'
    "def user():\n"
    '    name = request.args["name"]\n'
    '    db = sqlite3.connect("app.db")\n'
    '    return str(db.execute("SELECT * FROM users WHERE name = \'" + name + "\'").fetchall())\n'
)
CLEAN = 'def greet(name: str) -> str:\n    """Say hello."""\n    return f"Hello, {name}!"\n'
GO = (
    "package main\n\n"
    'import (\n\t"net/http"\n\t"os/exec"\n)\n\n'
    "func run(w http.ResponseWriter, r *http.Request) {\n"
    '\tout, _ := exec.Command("sh", "-c", r.URL.Query().Get("cmd")).Output()\n'
    "\tw.Write(out)\n"
    "}\n"
)
PROJECT = {
    "app/views.py": VULNERABLE,
    "app/greeting.py": CLEAN,
    "app/copy_of_greeting.py": CLEAN,  # identical: reviewed once
    "cmd/run.go": GO,
    "README.md": "# Shop\n",
}
REVIEWED = ["app/copy_of_greeting.py", "app/greeting.py", "app/views.py", "cmd/run.go"]


def create_project(api: TestClient, headers: dict, files: dict = PROJECT) -> str:
    response = api.post(
        "/api/projects",
        data={"name": "shop"},
        files={"archive": ("shop.zip", zip_of(files), "application/zip")},
        headers=headers,
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


def start_review(api: TestClient, headers: dict, project_id: str) -> dict:
    response = api.post(f"/api/projects/{project_id}/reviews", headers=headers)
    assert response.status_code == 202, response.text
    return response.json()


def finished(api: TestClient, headers: dict, project_id: str, review_id: str) -> dict:
    """Poll the project review until it has completed, as a client would."""
    detail: dict = {}

    def done() -> bool:
        response = api.get(f"/api/projects/{project_id}/reviews/{review_id}", headers=headers)
        detail.update(response.json())
        return detail["status"] == "completed"

    wait_for(done, timeout=60, what=f"project review {review_id}")
    return detail


def test_a_project_is_reviewed_file_by_file_with_live_progress_and_a_summary(
    api: TestClient, headers_of, redis_client, two_workers: None
) -> None:
    ada = headers_of("ada@example.com")
    me = api.get("/api/users/me", headers=ada).json()["id"]
    events = redis_client.pubsub()
    events.subscribe(user_channel(me))
    listening(events)
    project_id = create_project(api, ada)

    started = start_review(api, ada, project_id)
    assert (started["file_count"], started["cached_files"]) == (4, 0)
    pushed = [
        event
        for _, event in read_events(events, until=lambda event: event["status"] == "completed")
        if event["type"] == "project_progress"
    ]
    # One push on start and one as each file ends; two files ending together may count alike.
    assert len(pushed) == 5
    assert (pushed[0]["files_done"], pushed[-1]["files_done"]) == (0, 4)
    assert all(0 <= event["files_done"] <= 4 for event in pushed)
    assert {event["current_file"] for event in pushed[1:]} == set(REVIEWED)
    assert pushed[-1]["findings_so_far"] >= 2
    assert pushed[-1]["score"] is not None

    detail = finished(api, ada, project_id, started["id"])
    assert [file["path"] for file in detail["files"]] == REVIEWED
    assert {file["status"] for file in detail["files"]} == {"completed"}
    assert detail["files_done"] == 4
    summary = detail["summary"]
    assert summary["worst_files"][:2] == ["app/views.py", "cmd/run.go"] or summary["worst_files"][
        :2
    ] == ["cmd/run.go", "app/views.py"]
    assert summary["by_severity"]["critical"] + summary["by_severity"]["high"] >= 2
    assert summary["by_category"]["security"] >= 2
    assert summary["findings"] == pushed[-1]["findings_so_far"]
    assert detail["score"] == summary["score"] < 100
    by_path = {tally["path"]: tally for tally in summary["files"]}
    assert by_path["app/greeting.py"]["score"] > by_path["app/views.py"]["score"]
    # The files' reviews show with the project review, not one by one in the history.
    assert api.get("/api/reviews", headers=ada).json()["total"] == 0
    views = next(file for file in detail["files"] if file["path"] == "app/views.py")
    own = api.get(f"/api/reviews/{views['review_id']}", headers=ada).json()
    assert "python-sql-injection" in {finding["rule"] for finding in own["result"]["findings"]}
    # The dashboard counts the project review and its files.
    stats = api.get("/api/stats", headers=ada).json()
    assert (stats["project_reviews"], stats["project_files"], stats["reviews"]) == (1, 4, 4)
    assert api.get("/api/stats", params={"language": "go"}, headers=ada).json()["reviews"] == 1


def test_a_resubmitted_project_re_reviews_only_the_files_that_changed(
    api: TestClient, headers_of, two_workers: None
) -> None:
    ada = headers_of("ada@example.com")
    first = create_project(api, ada)
    finished(api, ada, first, start_review(api, ada, first)["id"])

    again = start_review(api, ada, first)
    assert again["cached_files"] == 4
    assert (
        api.get(f"/api/projects/{first}/reviews/{again['id']}", headers=ada).json()["status"]
        == "completed"
    )  # nothing to run: completed when started

    changed = create_project(api, ada, {**PROJECT, "app/greeting.py": CLEAN + "\nX = 1\n"})
    started = start_review(api, ada, changed)
    assert (started["file_count"], started["cached_files"]) == (4, 3)
    detail = finished(api, ada, changed, started["id"])
    assert [file["cached"] for file in detail["files"]] == [True, False, True, True]
    listing = api.get(f"/api/projects/{first}/reviews", headers=ada).json()
    assert [item["id"] for item in listing["items"]] == [again["id"], listing["items"][1]["id"]]


def test_the_sarif_export_is_one_run_with_paths_from_the_project_root(
    api: TestClient, headers_of, two_workers: None
) -> None:
    ada = headers_of("ada@example.com")
    project_id = create_project(api, ada)
    started = start_review(api, ada, project_id)
    detail = finished(api, ada, project_id, started["id"])
    url = f"/api/projects/{project_id}/reviews/{started['id']}/export"

    response = api.get(url, params={"format": "sarif"}, headers=ada)
    assert response.status_code == 200
    assert response.headers["content-disposition"].startswith('attachment; filename="shop-review-')
    [run] = response.json()["runs"]
    uris = {
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for result in run["results"]
    }
    assert {"app/views.py", "cmd/run.go"} <= uris
    every_finding = sum(
        len(api.get(f"/api/reviews/{file['review_id']}", headers=ada).json()["result"]["findings"])
        for file in detail["files"]
    )
    assert len(run["results"]) == every_finding

    markdown = api.get(url, params={"format": "markdown"}, headers=ada).text
    assert "in 4 files" in markdown
    assert "### `app/views.py`" in markdown


def test_a_file_too_large_to_review_fails_alone_and_the_project_still_completes(
    api: TestClient, headers_of, set_env, two_workers: None
) -> None:
    set_env(MAX_CODE_BYTES="400")
    ada = headers_of("ada@example.com")
    project_id = create_project(api, ada, {"small.py": CLEAN, "big.py": "x = 1\n" * 100})
    started = start_review(api, ada, project_id)

    detail = finished(api, ada, project_id, started["id"])
    big = next(file for file in detail["files"] if file["path"] == "big.py")
    assert big["status"] == "failed"
    assert "400" in big["error"]
    assert detail["summary"]["failed_files"] == ["big.py"]
    assert detail["summary"]["files"][0]["path"] == "big.py"  # nothing known: listed first


def test_nobody_reviews_or_reads_another_users_project(api: TestClient, headers_of) -> None:
    ada, bob = headers_of("ada@example.com"), headers_of("bob@example.com")
    project_id = create_project(api, ada)
    started = start_review(api, ada, project_id)
    base = f"/api/projects/{project_id}/reviews"

    assert api.post(base, headers=bob).status_code == 404
    assert api.get(base, headers=bob).status_code == 404
    assert api.get(f"{base}/{started['id']}", headers=bob).status_code == 404
    assert api.get(f"{base}/{started['id']}/export", headers=bob).status_code == 404
    bobs = create_project(api, bob)
    assert api.get(f"/api/projects/{bobs}/reviews/{started['id']}", headers=bob).status_code == 404
    assert api.post(f"/api/projects/{uuid.uuid4()}/reviews", headers=ada).status_code == 404


def test_an_unfinished_project_review_is_not_exported(api: TestClient, headers_of) -> None:
    ada = headers_of("ada@example.com")
    project_id = create_project(api, ada)
    started = start_review(api, ada, project_id)  # no worker runs: it stays running

    response = api.get(f"/api/projects/{project_id}/reviews/{started['id']}/export", headers=ada)
    assert response.status_code == 409
    assert "not finished" in response.json()["detail"]


def test_project_reviews_are_rate_limited_per_user(api: TestClient, headers_of, set_env) -> None:
    ada = headers_of("ada@example.com")
    project_id = create_project(api, ada)
    set_env(RATE_LIMIT_PROJECT_REVIEW="1/hour")
    start_review(api, ada, project_id)

    refused = api.post(f"/api/projects/{project_id}/reviews", headers=ada)
    assert refused.status_code == 429
    assert "project reviews started" in refused.json()["detail"]
    assert api.get(f"/api/projects/{project_id}/reviews", headers=ada).json()["total"] == 1


def test_a_project_review_left_running_after_its_files_ended_is_completed_by_the_sweep(
    api: TestClient, headers_of, set_env
) -> None:
    ada = headers_of("ada@example.com")
    waiting = create_project(api, ada, {"a.py": CLEAN})
    in_flight = start_review(api, ada, waiting)  # no worker: its file stays queued
    set_env(MAX_CODE_BYTES="10")
    ended = create_project(api, ada, {"b.py": CLEAN})
    stalled = start_review(api, ada, ended)  # its one file fails at once: too large
    with session_scope() as session:  # as if the last file's worker died before its check
        session.exec(
            update(ProjectReview)
            .where(ProjectReview.id == uuid.UUID(stalled["id"]))
            .values(status="running", summary=None)
        )

    assert finish_stalled() == [uuid.UUID(stalled["id"])]
    detail = api.get(f"/api/projects/{ended}/reviews/{stalled['id']}", headers=ada).json()
    assert detail["status"] == "completed"
    assert detail["summary"]["failed_files"] == ["b.py"]
    still = api.get(f"/api/projects/{waiting}/reviews/{in_flight['id']}", headers=ada).json()
    assert still["status"] == "running"
