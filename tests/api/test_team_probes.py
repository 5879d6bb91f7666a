"""Probing teams as an attacker would: another team's ids, guessed links, and roles reaching
past themselves. Every probe is refused and changes nothing."""

import secrets

from fastapi.testclient import TestClient

from tests.api.team_steps import invite, join, make_team, team_project


def test_another_teams_ids_reach_nothing_of_it(api: TestClient, people) -> None:
    ada, bob, cyd = people("ada"), people("bob"), people("cyd")
    team_a = make_team(api, ada, "A")
    cyd_id = join(api, team_a, ada, cyd, "cyd@example.com", "member")
    pending = invite(api, team_a, ada, "dan@example.com", "viewer").json()
    project_a = team_project(api, team_a, cyd)
    team_b = make_team(api, bob, "B")  # Bob owns a team of his own: ids of A mean nothing there
    a = f"/api/teams/{team_a}"

    probes = [
        api.get(a, headers=bob),
        api.get(f"{a}/settings", headers=bob),
        api.put(f"{a}/settings", json={"text": ""}, headers=bob),
        api.post(f"{a}/invitations", json={"email": "bob2@example.com"}, headers=bob),
        api.delete(f"{a}/invitations/{pending['id']}", headers=bob),
        api.patch(f"{a}/members/{cyd_id}", json={"role": "viewer"}, headers=bob),
        api.delete(f"{a}/members/{cyd_id}", headers=bob),
        api.post(f"{a}/transfer", json={"user_id": cyd_id}, headers=bob),
        api.get("/api/projects", params={"team": team_a}, headers=bob),
        api.get("/api/stats", params={"team": team_a}, headers=bob),
        api.get(f"/api/projects/{project_a}", headers=bob),
        api.post(f"/api/projects/{project_a}/reviews", headers=bob),
        # A's ids under B's paths, where Bob is the owner.
        api.delete(f"/api/teams/{team_b}/invitations/{pending['id']}", headers=bob),
        api.patch(f"/api/teams/{team_b}/members/{cyd_id}", json={"role": "viewer"}, headers=bob),
        api.delete(f"/api/teams/{team_b}/members/{cyd_id}", headers=bob),
        api.post(f"/api/teams/{team_b}/transfer", json={"user_id": cyd_id}, headers=bob),
    ]
    assert [probe.status_code for probe in probes] == [404] * len(probes)
    made_there = api.post(
        "/api/projects",
        data={"name": "planted", "team_id": team_a},
        files={"archive": ("a.zip", b"PK\x05\x06" + b"\x00" * 18, "application/zip")},
        headers=bob,
    )
    assert made_there.status_code == 404  # before the archive is even read

    team = api.get(a, headers=ada).json()
    assert [(m["email"], m["role"]) for m in team["members"]] == [
        ("ada@example.com", "owner"),
        ("cyd@example.com", "member"),
    ]
    assert [invitation["id"] for invitation in team["invitations"]] == [pending["id"]]
    assert api.get("/api/projects", params={"team": team_a}, headers=ada).json()["total"] == 1


def test_guessed_and_spent_invitation_links_open_nothing(api: TestClient, people) -> None:
    ada, eve = people("ada"), people("eve")
    team_id = make_team(api, ada)
    for token in (secrets.token_urlsafe(32), "A" * 43):
        assert api.get(f"/api/invitations/{token}", headers=eve).status_code == 404
        assert api.post(f"/api/invitations/{token}/accept", headers=eve).status_code == 404
    assert api.post("/api/invitations/..%2F..%2Fteams/accept", headers=eve).status_code in (
        404,
        422,
    )
    issued = invite(api, team_id, ada, "eve@example.com").json()
    unsigned = api.post(f"/api/invitations/{issued['token']}/accept")
    assert unsigned.status_code == 401
    assert api.post(f"/api/invitations/{issued['token']}/accept", headers=eve).is_success
    assert api.post(f"/api/invitations/{issued['token']}/accept", headers=eve).status_code == 404


def test_no_role_reaches_past_itself(api: TestClient, people) -> None:
    ada, bob, cyd, dee = people("ada"), people("bob"), people("cyd"), people("dee")
    team_id = make_team(api, ada)
    ada_id = api.get("/api/users/me", headers=ada).json()["id"]
    bob_id = join(api, team_id, ada, bob, "bob@example.com", "maintainer")
    cyd_id = join(api, team_id, ada, cyd, "cyd@example.com", "member")
    dee_id = join(api, team_id, ada, dee, "dee@example.com", "viewer")
    members = f"/api/teams/{team_id}/members"

    refused = [
        api.patch(f"{members}/{cyd_id}", json={"role": "maintainer"}, headers=cyd),  # self-raise
        api.patch(f"{members}/{dee_id}", json={"role": "member"}, headers=dee),
        api.patch(f"{members}/{bob_id}", json={"role": "maintainer"}, headers=bob),
        api.patch(f"{members}/{ada_id}", json={"role": "viewer"}, headers=bob),  # the owner
        api.delete(f"{members}/{ada_id}", headers=bob),
        api.post(f"/api/teams/{team_id}/transfer", json={"user_id": bob_id}, headers=bob),
        invite(api, team_id, cyd, "cyd2@example.com", "member"),
        invite(api, team_id, dee, "dee2@example.com", "viewer"),
        api.put(f"/api/teams/{team_id}/settings", json={"text": ""}, headers=cyd),
    ]
    assert [answer.status_code for answer in refused] == [
        403,
        403,
        403,
        409,
        409,
        403,
        403,
        403,
        403,
    ]
    created = api.post(
        "/api/teams", json={"name": "X", "id": team_id, "role": "viewer"}, headers=dee
    )
    assert created.json()["id"] != team_id  # extra fields are ignored: a new team, Dee owns it
    assert created.json()["role"] == "owner"
    roles = {
        m["email"]: m["role"]
        for m in api.get(f"/api/teams/{team_id}", headers=ada).json()["members"]
    }
    assert roles == {
        "ada@example.com": "owner",
        "bob@example.com": "maintainer",
        "cyd@example.com": "member",
        "dee@example.com": "viewer",
    }
