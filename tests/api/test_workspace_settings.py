"""A team's rule configuration shapes its projects' reviews (a project's review_app.toml wins);
a user's own shapes their editor reviews; only maintainers change a team's."""

import uuid

from fastapi.testclient import TestClient

from review_app.processes import wait_for
from tests.api.team_steps import join, make_team, team_project
from tests.api.test_project_reviews import finished, start_review
from tests.review.test_custom_rules import CODE, DEBUG_PRINT

TEAM_RULES = (
    '[rules]\ndisable = ["D1"]\nseverity = { "B006" = "low" }\n\n'
    '[analyzers]\ndisable = ["bandit"]\n\n[gate]\nfail_on = "low"\n'
)
SCRIPT = "import pickle\n\n\ndef run(items=[]):\n    return pickle.loads(items[0])\n"


def _rules_of(api: TestClient, headers: dict, project_id: str) -> dict[str, dict]:
    """Each finding of the project's one file by rule, after a review; and the review."""
    started = start_review(api, headers, project_id)
    detail = finished(api, headers, project_id, started["id"])
    review_id = detail["files"][0]["review_id"]
    result = api.get(f"/api/reviews/{review_id}", headers=headers).json()["result"]
    return {finding["rule"]: finding for finding in result["findings"]} | {"": result}


def _team_with_member(api: TestClient, people) -> tuple[dict, dict, str, str]:
    """Ada's team with Bob as a member, and the address of its settings."""
    ada, bob = people("ada"), people("bob")
    team_id = make_team(api, ada)
    join(api, team_id, ada, bob, "bob@example.com", "member")
    return ada, bob, team_id, f"/api/teams/{team_id}/settings"


def test_a_teams_rules_shape_its_projects_and_a_projects_own_toml_wins(
    api: TestClient, people, two_workers
) -> None:
    ada, bob, team_id, settings = _team_with_member(api, people)

    refused = api.put(settings, json={"text": TEAM_RULES}, headers=bob)
    assert refused.status_code == 403
    saved = api.put(settings, json={"text": TEAM_RULES}, headers=ada).json()
    assert (saved["updated_by"], saved["may_edit"]) == ("ada@example.com", True)
    broken = api.put(settings, json={"text": "[rules\n"}, headers=ada)
    assert broken.status_code == 422
    assert "the team's settings is not valid TOML" in broken.json()["detail"]
    kept = api.get(settings, headers=bob).json()
    assert (kept["text"], kept["may_edit"]) == (TEAM_RULES, False)

    plain = team_project(api, team_id, bob, {"src/run.py": SCRIPT})
    rules = _rules_of(api, bob, plain)
    assert rules["B006"]["severity"] == "low"
    assert not any(rule.startswith("D1") for rule in rules)
    assert "bandit" not in {analyzer["name"] for analyzer in rules[""]["analyzers"]}
    assert rules[""]["context"]["settings"][0] == "the team's settings"

    own_toml = '[rules]\nseverity = { "B006" = "critical" }\n[gate]\nfail_on = "critical"\n'
    tuned = team_project(api, team_id, bob, {"src/run.py": SCRIPT, "review_app.toml": own_toml})
    assert _rules_of(api, bob, tuned)["B006"]["severity"] == "critical"
    project_reviews = api.get(f"/api/projects/{tuned}/reviews", headers=bob).json()["items"]
    gate = api.get(f"/api/projects/{tuned}/reviews/{project_reviews[0]['id']}", headers=bob).json()[
        "gate"
    ]
    assert gate["fail_on"] == "critical"

    # The team's dashboard counts both projects' reviews for every member; one's own does not.
    team_numbers = api.get("/api/stats", params={"team": team_id}, headers=ada).json()
    assert (team_numbers["reviews"], team_numbers["project_reviews"]) == (2, 2)
    assert team_numbers["team_id"] == team_id
    assert api.get("/api/stats", headers=ada).json()["reviews"] == 0  # Bob ran them
    outsider = people("eve")
    assert api.get("/api/stats", params={"team": team_id}, headers=outsider).status_code == 404
    assert api.get(settings, headers=outsider).status_code == 404
    assert api.put(settings, json={"text": ""}, headers=outsider).status_code == 404


def test_a_users_own_rules_shape_their_editor_reviews_and_nobody_elses(
    api: TestClient, people, two_workers
) -> None:
    ada, bob = people("ada"), people("bob")
    mine = api.put(
        "/api/users/me/settings", json={"text": '[rules]\ndisable = ["F401"]\n'}, headers=ada
    )
    assert mine.status_code == 200, mine.text
    assert api.get("/api/users/me/settings", headers=bob).json()["text"] == ""
    code = {"code": "import json\n\nX = 1\n", "filename": "unused.py"}

    def rules_found(headers: dict) -> set[str]:
        review_id = api.post("/api/reviews", json=code, headers=headers).json()["id"]
        detail: dict = {}

        def done() -> bool:
            detail.update(api.get(f"/api/reviews/{review_id}", headers=headers).json())
            return detail["status"] == "completed"

        wait_for(done, timeout=60, what=f"review {review_id}")
        return {finding["rule"] for finding in detail["result"]["findings"]}

    assert "F401" not in rules_found(ada)
    assert "F401" in rules_found(bob)  # the same code, without Ada's settings (not her cache)
    assert api.get(f"/api/teams/{uuid.uuid4()}/settings", headers=ada).status_code == 404


def test_a_teams_custom_rule_is_tried_on_its_examples_and_then_reviews_its_projects(
    api: TestClient, people, two_workers
) -> None:
    ada, bob, team_id, settings = _team_with_member(api, people)

    wrong = api.put(
        settings, json={"text": DEBUG_PRINT.replace("findings = 0", "findings = 1")}, headers=ada
    )
    assert wrong.status_code == 422
    assert wrong.json()["detail"] == (
        "the team's settings were not kept: a custom rule fails its examples: "
        "rule no-debug-print, example 2: gives 0 findings, not 1"
    )
    assert api.get(settings, headers=ada).json()["text"] == ""
    assert api.put(settings, json={"text": DEBUG_PRINT}, headers=bob).status_code == 403
    assert api.put(settings, json={"text": DEBUG_PRINT}, headers=ada).status_code == 200

    project_id = team_project(api, team_id, bob, {"src/jobs.py": CODE})
    rules = _rules_of(api, bob, project_id)
    assert rules["custom-no-debug-print"]["severity"] == "medium"
    assert rules["custom-no-debug-print"]["line"] == 5
    assert "custom-rules" in {analyzer["name"] for analyzer in rules[""]["analyzers"]}
