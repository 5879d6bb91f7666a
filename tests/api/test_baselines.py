"""A project's baseline: a maintainer accepts a review's findings; later reviews hide them
wherever their lines move, show what is new or changed, and the gate counts only those."""

import re

from fastapi.testclient import TestClient

from tests.api.team_steps import crew, reviewed, sarif_results, team_project
from tests.api.test_project_reviews import VULNERABLE

ADMIN_HANDLER = (
    '\n\n@app.route("/admin")\n'
    "def admin():\n"
    '    who = request.args["who"]\n'
    '    db = sqlite3.connect("app.db")\n'
    '    return str(db.execute("SELECT * FROM admins WHERE who = \'" + who + "\'").fetchall())\n'
)


def _markdown(api: TestClient, headers: dict, project_id: str, review_id: str) -> str:
    return api.get(
        f"/api/projects/{project_id}/reviews/{review_id}/export",
        params={"format": "markdown"},
        headers=headers,
    ).text


def test_a_baseline_hides_todays_findings_and_lets_new_ones_through(
    api: TestClient, people
) -> None:
    team = crew(api, people)
    ada, bob, cyd, eve = team.ada, team.bob, team.cyd, team.eve
    team_id, project_id = team.team_id, team.project_id
    baseline = f"/api/projects/{project_id}/baseline"
    assert api.get(baseline, headers=cyd).json() is None
    assert api.put(baseline, headers=ada).status_code == 404  # nothing reviewed yet

    first = reviewed(api, bob, project_id)
    accepted = first["summary"]["findings"]
    assert first["gate"]["failing"] >= 1
    for refused, status in ((bob, 403), (cyd, 403), (eve, 404)):
        assert api.put(baseline, headers=refused).status_code == status
    made = api.put(baseline, headers=ada)
    assert made.status_code == 200, made.text
    assert made.json()["findings"] == accepted
    assert (made.json()["set_by"], made.json()["project_review_id"]) == (
        "ada@example.com",
        first["id"],
    )
    assert api.get(baseline, headers=cyd).json()["findings"] == accepted

    # Lines move down and a new handler brings its own injection: only that one is reported.
    moved = "# moved\n# down\n" + VULNERABLE + ADMIN_HANDLER
    files = f"/api/projects/{project_id}/files/app/views.py"
    assert api.put(files, json={"content": moved}, headers=bob).is_success
    second = reviewed(api, bob, project_id)
    assert second["in_baseline"] == accepted
    assert second["gate"]["failing"] >= 1
    assert second["gate"]["in_baseline"] == first["gate"]["failing"]
    admin_starts = moved.splitlines().index("def admin():") + 1
    results = sarif_results(api, cyd, project_id, second["id"])
    shown = [result for result in results if "suppressions" not in result]
    lines = [result["locations"][0]["physicalLocation"]["region"]["startLine"] for result in shown]
    assert min(lines, default=0) >= admin_starts, lines
    assert "python-sql-injection" in {result["ruleId"] for result in shown}
    assert len(results) - len(shown) == accepted
    markdown = _markdown(api, cyd, project_id, second["id"])
    assert f"{accepted} findings in the project's baseline" in markdown
    listed = re.findall(r"^\| (?:\*\*)?\w+(?:\*\*)? \| (\d+)", markdown, re.MULTILINE)
    assert sorted(map(int, listed)) == sorted(lines)

    # Cleared, every finding counts again; a review of another project is not this one's.
    other_id = team_project(api, team_id, bob, {"app/views.py": VULNERABLE})
    other = reviewed(api, bob, other_id)
    assert (
        api.put(baseline, json={"project_review_id": other["id"]}, headers=ada).status_code == 404
    )
    assert api.delete(baseline, headers=bob).status_code == 403
    assert api.delete(baseline, headers=ada).status_code == 204
    assert api.delete(baseline, headers=ada).status_code == 404
    again = api.get(
        f"/api/projects/{project_id}/reviews/{second['id']}",
        params={"fail_on": "high"},
        headers=ada,
    ).json()
    assert (again["in_baseline"], again["gate"]["in_baseline"]) == (0, 0)
    assert again["gate"]["failing"] == second["gate"]["failing"] + first["gate"]["failing"]
