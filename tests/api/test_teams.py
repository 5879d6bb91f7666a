"""Teams through the REST API: invitations by link, roles, and who may do what with a team's
projects and reviews (on SQLite and PostgreSQL)."""

from fastapi.testclient import TestClient

from review_app.services.live_channel import user_channel
from support.pubsub import listening, read_events
from tests.api.team_steps import invite, join, make_team, team_project
from tests.api.test_project_reviews import PROJECT, REVIEWED, finished
from tests.project_archives import zip_of


def test_people_join_a_team_by_the_link_made_for_their_address_once(
    api: TestClient, people
) -> None:
    ada, bob, eve = people("ada"), people("bob"), people("eve")
    team_id = make_team(api, ada)
    issued = invite(api, team_id, ada, "Bob@Example.com", "member").json()
    assert (issued["email"], issued["role"]) == ("bob@example.com", "member")
    link = f"/api/invitations/{issued['token']}"

    pending = api.get(f"/api/teams/{team_id}", headers=ada).json()["invitations"]
    assert [invitation["email"] for invitation in pending] == ["bob@example.com"]
    assert "token" not in pending[0]  # the link is shown once, when it is made
    assert api.get(link, headers=bob).json()["team_name"] == "Platform"
    refused = api.post(f"{link}/accept", headers=eve)
    assert refused.status_code == 403
    assert "bob@example.com" in refused.json()["detail"]
    assert api.get(f"/api/teams/{team_id}", headers=eve).status_code == 404

    joined = api.post(f"{link}/accept", headers=bob)
    assert joined.json()["role"] == "member"
    assert api.post(f"{link}/accept", headers=bob).status_code == 404  # used up
    team = api.get(f"/api/teams/{team_id}", headers=bob).json()
    assert [(m["email"], m["role"]) for m in team["members"]] == [
        ("ada@example.com", "owner"),
        ("bob@example.com", "member"),
    ]
    assert team["invitations"] == []  # a member does not see invitations
    assert [t["name"] for t in api.get("/api/teams", headers=bob).json()] == ["Platform"]
    assert api.get("/api/teams", headers=eve).json() == []


def test_inviting_again_replaces_the_link_and_a_withdrawn_one_stops_working(
    api: TestClient, people
) -> None:
    ada, bob = people("ada"), people("bob")
    team_id = make_team(api, ada)
    first = invite(api, team_id, ada, "bob@example.com").json()
    second = invite(api, team_id, ada, "bob@example.com", "viewer").json()
    assert api.post(f"/api/invitations/{first['token']}/accept", headers=bob).status_code == 404
    withdrawn = api.delete(f"/api/teams/{team_id}/invitations/{second['id']}", headers=ada)
    assert withdrawn.status_code == 204
    assert api.post(f"/api/invitations/{second['token']}/accept", headers=bob).status_code == 404
    assert api.get(f"/api/teams/{team_id}", headers=bob).status_code == 404


def test_each_role_may_do_only_its_part_with_a_teams_project(api: TestClient, people) -> None:
    ada, bob, cyd, eve = people("ada"), people("bob"), people("cyd"), people("eve")
    team_id = make_team(api, ada)
    join(api, team_id, ada, bob, "bob@example.com", "member")
    join(api, team_id, ada, cyd, "cyd@example.com", "viewer")
    project_id = team_project(api, team_id, bob)
    files = f"/api/projects/{project_id}/files"
    reviews = f"/api/projects/{project_id}/reviews"

    # Every member reads it; the outsider does not know it exists.
    for reader in (ada, bob, cyd):
        assert api.get(f"/api/projects/{project_id}", headers=reader).status_code == 200
        assert api.get(f"{files}/app/greeting.py", headers=reader).status_code == 200
        listed = api.get("/api/projects", params={"team": team_id}, headers=reader).json()
        assert [project["team_id"] for project in listed["items"]] == [team_id]
    assert api.get(f"/api/projects/{project_id}", headers=eve).status_code == 404
    assert api.get("/api/projects", headers=eve).json()["total"] == 0
    assert api.get("/api/projects", params={"team": team_id}, headers=eve).status_code == 404

    # A member changes files and starts reviews; the settings files take a maintainer.
    assert api.put(f"{files}/app/new.py", json={"content": "X = 1\n"}, headers=bob).is_success
    rules = api.put(f"{files}/review_app.toml", json={"content": "[rules]\n"}, headers=bob)
    assert rules.status_code == 403
    assert "maintainer" in rules.json()["detail"]
    assert api.put(
        f"{files}/review_app.toml", json={"content": "[rules]\n"}, headers=ada
    ).is_success
    started = api.post(reviews, headers=bob)
    assert started.status_code == 202

    # A viewer reads the reviews (each file's too) but changes and starts nothing.
    assert api.put(f"{files}/app/new.py", json={"content": "Y\n"}, headers=cyd).status_code == 403
    assert api.delete(f"{files}/app/new.py", headers=cyd).status_code == 403
    assert api.post(reviews, headers=cyd).status_code == 403
    viewer_project = api.post(
        "/api/projects",
        data={"name": "mine", "team_id": team_id},
        files={"archive": ("a.zip", zip_of(PROJECT), "application/zip")},
        headers=cyd,
    )
    assert viewer_project.status_code == 403
    detail = api.get(f"{reviews}/{started.json()['id']}", headers=cyd).json()
    file_review = detail["files"][0]["review_id"]
    assert api.get(f"/api/reviews/{file_review}", headers=cyd).status_code == 200
    assert api.get(f"/api/reviews/{file_review}", headers=eve).status_code == 404
    assert api.get(reviews, headers=eve).status_code == 404


def test_roles_change_by_the_rules_and_a_removed_member_loses_access(
    api: TestClient, people
) -> None:
    ada, bob, cyd, dee = people("ada"), people("bob"), people("cyd"), people("dee")
    team_id = make_team(api, ada)
    bob_id = join(api, team_id, ada, bob, "bob@example.com", "maintainer")
    cyd_id = join(api, team_id, bob, cyd, "cyd@example.com", "member")
    dee_id = join(api, team_id, bob, dee, "dee@example.com", "viewer")
    members = f"/api/teams/{team_id}/members"
    project_id = team_project(api, team_id, cyd)

    # A maintainer manages members and viewers, not maintainers; a member manages nobody.
    assert invite(api, team_id, bob, "max@example.com", "maintainer").status_code == 403
    assert invite(api, team_id, cyd, "max@example.com", "viewer").status_code == 403
    assert invite(api, team_id, bob, "cyd@example.com", "viewer").status_code == 409
    assert api.patch(f"{members}/{dee_id}", json={"role": "member"}, headers=bob).is_success
    assert (
        api.patch(f"{members}/{dee_id}", json={"role": "maintainer"}, headers=bob).status_code
        == 403
    )
    assert api.patch(f"{members}/{cyd_id}", json={"role": "viewer"}, headers=dee).status_code == 403
    assert api.patch(f"{members}/{dee_id}", json={"role": "owner"}, headers=ada).status_code == 422

    # The owner leaves only after transferring ownership, and stays on as a maintainer.
    me = api.get("/api/users/me", headers=ada).json()["id"]
    assert api.delete(f"{members}/{me}", headers=ada).status_code == 409
    assert (
        api.post(
            f"/api/teams/{team_id}/transfer", json={"user_id": cyd_id}, headers=bob
        ).status_code
        == 403
    )
    moved = api.post(f"/api/teams/{team_id}/transfer", json={"user_id": bob_id}, headers=ada)
    roles = {member["email"]: member["role"] for member in moved.json()["members"]}
    assert (roles["bob@example.com"], roles["ada@example.com"]) == ("owner", "maintainer")
    assert api.delete(f"{members}/{me}", headers=ada).status_code == 204

    # A removed member sees nothing of the team any more, nor the project they made in it.
    assert api.delete(f"{members}/{cyd_id}", headers=bob).status_code == 204
    assert api.get(f"/api/projects/{project_id}", headers=cyd).status_code == 404
    assert api.get(f"/api/teams/{team_id}", headers=cyd).status_code == 404
    assert api.get(f"/api/projects/{project_id}", headers=dee).status_code == 200


def test_every_member_hears_a_teams_project_review_live(
    api: TestClient, people, redis_client, two_workers: None
) -> None:
    ada, bob, eve = people("ada"), people("bob"), people("eve")
    team_id = make_team(api, ada)
    bob_id = join(api, team_id, ada, bob, "bob@example.com", "viewer")
    eve_id = api.get("/api/users/me", headers=eve).json()["id"]
    events = redis_client.pubsub()
    events.subscribe(user_channel(bob_id), user_channel(eve_id))
    listening(events)
    project_id = team_project(api, team_id, ada)

    started = api.post(f"/api/projects/{project_id}/reviews", headers=ada).json()
    pushed = read_events(events, until=lambda event: event["status"] == "completed", timeout=60)
    assert {channel for channel, _ in pushed} == {user_channel(bob_id)}
    assert {event["current_file"] for _, event in pushed[1:]} == set(REVIEWED)
    assert finished(api, bob, project_id, started["id"])["files_done"] == len(REVIEWED)


def test_the_site_admin_sees_every_team_and_nobody_else_does(
    api: TestClient, people, make_user, sign_in
) -> None:
    ada, bob = people("ada"), people("bob")
    team_id = make_team(api, ada, "Payments")
    join(api, team_id, ada, bob, "bob@example.com", "member")
    team_project(api, team_id, bob)
    make_team(api, bob, "Search")
    make_user("root@example.com", role="admin")
    admin = {"Authorization": f"Bearer {sign_in('root@example.com')['access_token']}"}

    listed = api.get("/api/admin/teams", headers=admin).json()
    assert listed["total"] == 2
    assert [
        (team["name"], team["owner"], team["members"], team["projects"]) for team in listed["items"]
    ] == [("Payments", "ada@example.com", 2, 1), ("Search", "bob@example.com", 1, 0)]
    assert api.get("/api/admin/teams", headers=bob).status_code == 403
