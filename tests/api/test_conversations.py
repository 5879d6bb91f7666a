"""Conversations about a project's findings: threaded comments, an assignee who may work on
the project, open or resolved; a resolved finding a later review finds again is reopened; a
finding of a change review is discussed on the change's base project."""

from fastapi.testclient import TestClient

from review_app.services.live_channel import user_channel
from support.pubsub import listening, read_events
from tests.api.team_steps import change_reviewed, crew, reviewed
from tests.api.test_decisions import SQL_RULE, TWO_LINES_DOWN, _sql_finding
from tests.api.test_project_reviews import VULNERABLE

FIXED = VULNERABLE.replace(
    '"SELECT * FROM users WHERE name = \'" + name + "\'"',
    '"SELECT * FROM users WHERE name = ?", (name,)',
)


def test_a_team_talks_about_a_finding_assigns_and_resolves_it_and_it_comes_back(
    api: TestClient, people, redis_client
) -> None:
    team = crew(api, people)
    ada, bob, cyd, eve = team.ada, team.bob, team.cyd, team.eve
    project_id = team.project_id
    threads = f"/api/projects/{project_id}/threads"
    review_id, index, _ = _sql_finding(api, bob, reviewed(api, bob, project_id))
    tabs = redis_client.pubsub()  # the viewer's and the outsider's open tabs
    tabs.subscribe(*(user_channel(_user_id(api, who)) for who in (cyd, eve)))
    listening(tabs)

    first = {"review_id": review_id, "finding": index, "body": "Can a user reach this?"}
    assert api.post(threads, json=first, headers=cyd).status_code == 403
    assert api.post(threads, json=first, headers=eve).status_code == 404
    assert api.post(threads, json={**first, "body": "  \n "}, headers=bob).status_code == 422
    started = api.post(threads, json=first, headers=bob)
    assert started.status_code == 201, started.text
    thread = started.json()
    assert (thread["rule"], thread["status"], thread["assignee"]) == (SQL_RULE, "open", None)
    heard = read_events(tabs, until=lambda event: event["type"] == "conversation", timeout=10)
    assert heard == [
        (
            user_channel(_user_id(api, cyd)),
            {"type": "conversation", "project_id": project_id, "thread_id": thread["id"]},
        )
    ]
    again = api.post(threads, json={**first, "body": "Yes, from /user."}, headers=ada).json()
    assert again["id"] == thread["id"]  # one conversation per finding
    url = f"{threads}/{thread['id']}"
    question = again["comments"][0]["id"]
    answer = api.post(
        f"{url}/comments", json={"body": "Then fix it.", "reply_to": question}, headers=ada
    )
    assert answer.status_code == 201, answer.text
    said = [(c["author"], c["body"], c["reply_to"]) for c in answer.json()["comments"]]
    assert said == [
        ("bob@example.com", "Can a user reach this?", None),
        ("ada@example.com", "Yes, from /user.", None),
        ("ada@example.com", "Then fix it.", question),
    ]
    assert api.post(f"{url}/comments", json={"body": "x"}, headers=cyd).status_code == 403
    assert (
        api.post(
            f"{url}/comments", json={"body": "x", "reply_to": 2**31 - 1}, headers=ada
        ).status_code
        == 404
    )

    # Assigned to a member who may change the code; a viewer or an outsider may not be.
    for nobody in ("cyd@example.com", "eve@example.com", "nobody@example.com"):
        assert api.patch(url, json={"assignee": nobody}, headers=ada).status_code == 404
    assigned = api.patch(url, json={"assignee": "BOB@example.com"}, headers=ada)
    assert assigned.json()["assignee"] == "bob@example.com"
    mine = {"assigned_to_me": "true"}
    assert [t["id"] for t in api.get(threads, params=mine, headers=bob).json()] == [thread["id"]]
    assert api.get(threads, params=mine, headers=ada).json() == []
    assert api.patch(url, json={"status": "resolved"}, headers=cyd).status_code == 403
    resolved = api.patch(url, json={"status": "resolved"}, headers=bob).json()
    assert (resolved["status"], resolved["assignee"]) == ("resolved", "bob@example.com")
    assert [
        t["id"] for t in api.get(threads, params={"status": "resolved"}, headers=cyd).json()
    ] == [thread["id"]]
    assert api.get(threads, params={"status": "open"}, headers=cyd).json() == []
    assert api.get(url, headers=eve).status_code == 404

    # Resolved without a fix: the next review finds it again and reopens it, saying so.
    reviewed(api, bob, project_id)
    reopened = api.get(url, headers=cyd).json()
    assert (reopened["status"], reopened["reopened_at"] is not None) == ("open", True)
    assert reopened["comments"][-1]["author"] is None
    assert reopened["comments"][-1]["body"].startswith("Reopened: the review of ")

    # Fixed and resolved, it stays resolved.
    files = f"/api/projects/{project_id}/files/app/views.py"
    assert api.put(files, json={"content": FIXED}, headers=bob).is_success
    api.patch(url, json={"status": "resolved", "assignee": None}, headers=bob)
    reviewed(api, bob, project_id)
    final = api.get(url, headers=ada).json()
    assert (final["status"], final["assignee"], len(final["comments"])) == ("resolved", None, 4)


def test_a_finding_of_a_change_is_discussed_on_the_base_project(api: TestClient, people) -> None:
    team = crew(api, people)
    base_id = team.project_id
    change = change_reviewed(api, team.bob, base_id, TWO_LINES_DOWN)
    review_id, index, _ = _sql_finding(api, team.bob, change)
    threads = f"/api/projects/{base_id}/threads"
    first = {"review_id": review_id, "finding": index, "body": "Only staff reach this."}
    assert api.post(threads, json=first, headers=team.cyd).status_code == 403
    assert api.post(threads, json=first, headers=team.eve).status_code == 404
    started = api.post(threads, json=first, headers=team.bob)
    assert started.status_code == 201, started.text
    assert started.json()["project_id"] == base_id
    assert api.get(f"/api/projects/{change['project_id']}/threads", headers=team.bob).json() == []

    # The same finding in the base's next review, two lines up, is the same conversation.
    base_review_id, base_index, _ = _sql_finding(api, team.ada, reviewed(api, team.ada, base_id))
    answer = {"review_id": base_review_id, "finding": base_index, "body": "Staff only, agreed."}
    again = api.post(threads, json=answer, headers=team.ada).json()
    assert again["id"] == started.json()["id"]
    assert [c["author"] for c in again["comments"]] == ["bob@example.com", "ada@example.com"]


def _user_id(api: TestClient, headers: dict[str, str]) -> str:
    return api.get("/api/users/me", headers=headers).json()["id"]
