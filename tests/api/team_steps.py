"""What a team's people do through the API, as the team tests share it."""

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from fastapi.testclient import TestClient

from review_app.services.reviews import runs as review_runs
from tests.api.test_project_reviews import PROJECT, VULNERABLE
from tests.project_archives import zip_of

Headers = dict[str, str]


def make_team(api: TestClient, owner: Headers, name: str = "Platform") -> str:
    answer = api.post("/api/teams", json={"name": name}, headers=owner)
    assert answer.status_code == 201, answer.text
    return answer.json()["id"]


def invite(api: TestClient, team_id: str, by: Headers, email: str, role: str = "member"):
    return api.post(
        f"/api/teams/{team_id}/invitations", json={"email": email, "role": role}, headers=by
    )


def join(api: TestClient, team_id: str, by: Headers, who: Headers, email: str, role: str) -> str:
    """Invite `email` and accept as `who`; the new member's user id."""
    issued = invite(api, team_id, by, email, role)
    assert issued.status_code == 201, issued.text
    accepted = api.post(f"/api/invitations/{issued.json()['token']}/accept", headers=who)
    assert accepted.status_code == 200, accepted.text
    return api.get("/api/users/me", headers=who).json()["id"]


def team_project(api: TestClient, team_id: str, by: Headers, files: dict = PROJECT) -> str:
    """A new project of the team, made by `by`."""
    answer = api.post(
        "/api/projects",
        data={"name": "shop", "team_id": team_id},
        files={"archive": ("shop.zip", zip_of(files), "application/zip")},
        headers=by,
    )
    assert answer.status_code == 201, answer.text
    return answer.json()["id"]


def reviewed(api: TestClient, headers: dict, project_id: str) -> dict:
    """Review the project, its files run here as a worker would; the review with its gate."""
    started = api.post(f"/api/projects/{project_id}/reviews", headers=headers).json()
    return _run_files(api, headers, f"/api/projects/{project_id}/reviews/{started['id']}")


def change_reviewed(api: TestClient, headers: dict, project_id: str, diff: str) -> dict:
    """Send `diff` against the project and review the change, the files of both versions run
    here as a worker would; the change review (its own project: `project_id`) with its gate."""
    answer = api.post(f"/api/projects/{project_id}/changes", json={"diff": diff}, headers=headers)
    assert answer.status_code == 202, answer.text
    started = answer.json()
    _run_files(api, headers, f"/api/projects/{project_id}/reviews/{started['base_review_id']}")
    change = f"/api/projects/{started['project_id']}/reviews/{started['id']}"
    return _run_files(api, headers, change)


def _run_files(api: TestClient, headers: dict, reviews: str) -> dict:
    """Run each file of the project review at `reviews`; the completed review with its gate."""
    for file in api.get(reviews, headers=headers).json()["files"]:
        attempt = review_runs.start_attempt(uuid.UUID(file["review_id"]))
        if attempt is not None:  # none: it came from the cache
            assert review_runs.run_attempt(attempt)
    detail = api.get(reviews, params={"fail_on": "high"}, headers=headers).json()
    assert detail["status"] == "completed", detail
    return detail


def sarif_results(api: TestClient, headers: dict, project_id: str, review_id: str) -> list[dict]:
    """The results of the project review's SARIF export."""
    sarif = api.get(
        f"/api/projects/{project_id}/reviews/{review_id}/export",
        params={"format": "sarif"},
        headers=headers,
    )
    assert sarif.status_code == 200, sarif.text
    return json.loads(sarif.content)["runs"][0]["results"]


@dataclass(frozen=True)
class Crew:
    """A team's owner (ada), member (bob) and viewer (cyd), an outsider (eve), and a project
    of the team's with a SQL injection in app/views.py, made by the member."""

    ada: Headers
    bob: Headers
    cyd: Headers
    eve: Headers
    team_id: str
    project_id: str


def crew(api: TestClient, people: Callable[[str], Headers]) -> Crew:
    ada, bob, cyd, eve = people("ada"), people("bob"), people("cyd"), people("eve")
    team_id = make_team(api, ada)
    join(api, team_id, ada, bob, "bob@example.com", "member")
    join(api, team_id, ada, cyd, "cyd@example.com", "viewer")
    project_id = team_project(api, team_id, bob, {"app/views.py": VULNERABLE})
    return Crew(ada, bob, cyd, eve, team_id, project_id)
