"""Decisions on a project's findings: they hold wherever the line moves and in later reviews,
leave the gate, show in SARIF as suppressions, and are a member's to make; one taken on a
change review lands on the change's base project."""

from fastapi.testclient import TestClient

from tests.api.team_steps import (
    change_reviewed,
    crew,
    join,
    make_team,
    reviewed,
    sarif_results,
    team_project,
)
from tests.api.test_project_reviews import VULNERABLE

SQL_RULE = "python-sql-injection"
TWO_LINES_DOWN = """\
--- a/app/views.py
+++ b/app/views.py
@@ -1,2 +1,4 @@
+# The shop's views.
+
 import sqlite3
 from flask import Flask, request
"""


def _sql_finding(api: TestClient, headers: dict, detail: dict) -> tuple[str, int, int]:
    """The file review holding the SQL injection finding, its index and its line."""
    review_id = detail["files"][0]["review_id"]
    findings = api.get(f"/api/reviews/{review_id}", headers=headers).json()["result"]["findings"]
    index = next(i for i, finding in enumerate(findings) if finding["rule"] == SQL_RULE)
    return review_id, index, findings[index]["line"]


def _suppressions(api: TestClient, headers: dict, project_id: str, review_id: str) -> list:
    results = sarif_results(api, headers, project_id, review_id)
    return [result.get("suppressions") for result in results if result["ruleId"] == SQL_RULE]


def test_a_decision_holds_where_the_line_moves_and_leaves_the_gate(api: TestClient, people) -> None:
    ada, cyd, eve = people("ada"), people("cyd"), people("eve")
    team_id = make_team(api, ada)
    join(api, team_id, ada, cyd, "cyd@example.com", "viewer")
    project_id = team_project(api, team_id, ada, {"app/views.py": VULNERABLE})
    decisions = f"/api/projects/{project_id}/decisions"

    first = reviewed(api, ada, project_id)
    review_id, index, line = _sql_finding(api, ada, first)
    failing = first["gate"]["failing"]
    assert failing >= 1
    body = {"review_id": review_id, "finding": index, "kind": "false_positive"}
    assert api.post(decisions, json=body, headers=cyd).status_code == 403
    assert api.post(decisions, json={**body, "finding": 999}, headers=ada).status_code == 404
    made = api.post(decisions, json={**body, "comment": "bound upstream"}, headers=ada)
    assert made.status_code == 201, made.text
    assert (made.json()["decided_by"], made.json()["rule"]) == ("ada@example.com", SQL_RULE)

    # Every line moves down by three; the next review still honours the decision.
    moved = "# moved\n# down\n# three\n" + VULNERABLE
    files = f"/api/projects/{project_id}/files/app/views.py"
    assert api.put(files, json={"content": moved}, headers=ada).is_success
    second = reviewed(api, ada, project_id)
    assert _sql_finding(api, ada, second)[2] == line + 3
    assert (second["gate"]["failing"], second["gate"]["waived"]) == (failing - 1, 1)
    [suppressions] = _suppressions(api, cyd, project_id, second["id"])
    assert suppressions == [
        {
            "kind": "external",
            "status": "accepted",
            "justification": "false positive: bound upstream (ada@example.com)",
        }
    ]
    assert [d["kind"] for d in api.get(decisions, headers=cyd).json()] == ["false_positive"]
    assert api.get(decisions, headers=eve).status_code == 404

    # Taken back, it counts again.
    decision_id = made.json()["id"]
    assert api.delete(f"{decisions}/{decision_id}", headers=cyd).status_code == 403
    assert api.delete(f"{decisions}/{decision_id}", headers=ada).status_code == 204
    again = api.get(
        f"/api/projects/{project_id}/reviews/{second['id']}",
        params={"fail_on": "high"},
        headers=ada,
    ).json()
    assert (again["gate"]["failing"], again["gate"]["waived"]) == (failing, 0)
    assert _suppressions(api, ada, project_id, second["id"]) == [None]


def test_a_decision_on_a_change_lands_on_its_base_and_holds_in_the_bases_next_review(
    api: TestClient, people
) -> None:
    team = crew(api, people)
    base_id = team.project_id
    change = change_reviewed(api, team.bob, base_id, TWO_LINES_DOWN)
    head_id = change["project_id"]
    assert (change["base_project_id"], head_id != base_id) == (base_id, True)
    review_id, index, line = _sql_finding(api, team.bob, change)  # the change's version
    body = {"review_id": review_id, "finding": index, "kind": "accepted_risk", "comment": "staff"}
    on_change = f"/api/projects/{head_id}/decisions"
    assert api.post(on_change, json=body, headers=team.cyd).status_code == 403
    assert api.post(on_change, json=body, headers=team.eve).status_code == 404
    assert (
        api.post(f"/api/projects/{base_id}/decisions", json=body, headers=team.eve).status_code
        == 404
    )
    made = api.post(on_change, json=body, headers=team.bob)
    assert made.status_code == 201, made.text
    assert made.json()["project_id"] == base_id
    listed = api.get(f"/api/projects/{base_id}/decisions", headers=team.cyd).json()
    assert [decision["id"] for decision in listed] == [made.json()["id"]]
    assert api.get(on_change, headers=team.bob).json() == []
    justification = "accepted risk: staff (bob@example.com)"
    [suppressions] = _suppressions(api, team.cyd, head_id, change["id"])
    assert suppressions[0]["justification"] == justification

    # The base's next review finds it two lines up, decided: it leaves the base's gate.
    after = reviewed(api, team.ada, base_id)
    assert _sql_finding(api, team.ada, after)[2] == line - 2
    assert after["gate"]["waived"] == 1
    [suppressions] = _suppressions(api, team.cyd, base_id, after["id"])
    assert suppressions[0]["justification"] == justification
