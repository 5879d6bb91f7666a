"""Rate limits an administrator sets on the admin page or through the API: for everyone, for the
members of a team or for one user; the most specific holds, and each is shown with its source."""

from fastapi.testclient import TestClient

from tests.api.team_steps import join, make_team

LIMITS = "/api/admin/rate-limits"
OVERRIDES = f"{LIMITS}/overrides"


def _submit(api: TestClient, headers: dict, number: int) -> int:
    code = f"value = {number}\n"
    return api.post("/api/reviews", json={"filename": "a.py", "code": code}, headers=headers)


def _in_force(api: TestClient, admin: dict, rule: str, email: str | None = None) -> tuple:
    params = {"email": email} if email else {}
    found = api.get(LIMITS, params=params, headers=admin)
    assert found.status_code == 200, found.text
    limit = next(limit for limit in found.json() if limit["rule"] == rule)
    return limit["rate"], limit["source"]


def _set(api: TestClient, admin: dict, **body) -> dict:
    answer = api.put(OVERRIDES, json=body, headers=admin)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_an_admin_sets_limits_for_everyone_a_team_and_a_user_and_the_closest_holds(
    api: TestClient, people, make_user, sign_in, set_env
) -> None:
    set_env(RATE_LIMIT_SUBMIT="99/hour", RATE_LIMIT_SUBMIT_IP="1000/hour")
    make_user("grace@example.com", role="admin")
    grace = {"Authorization": f"Bearer {sign_in('grace@example.com')['access_token']}"}
    ada, bob, cyd, dan = people("ada"), people("bob"), people("cyd"), people("dan")
    team_id = make_team(api, ada, "Payments")
    join(api, team_id, ada, cyd, "cyd@example.com", "member")

    refused = api.put(OVERRIDES, json={"rule": "submit", "rate": "1/minute"}, headers=bob)
    assert refused.status_code == 403
    assert _in_force(api, grace, "submit") == ("99/hour", "from the settings")

    mine = _set(api, grace, rule="submit", rate="2/minute", user_email="BOB@example.com")
    assert (mine["applies_to"], mine["set_by"]) == ("bob@example.com", "grace@example.com")
    _set(api, grace, rule="submit", rate="3/minute", team="Payments")
    _set(api, grace, rule="submit", rate="1/minute", team="Payments")  # replaces the last one
    _set(api, grace, rule="submit", rate="3/minute", team=team_id)
    assert len(api.get(OVERRIDES, headers=grace).json()) == 2

    # Bob's own rate holds for him, the team's for its member, the settings' for the others.
    assert [_submit(api, bob, n).status_code for n in range(3)] == [202, 202, 429]
    assert "2 per minute" in _submit(api, bob, 9).json()["detail"]
    assert [_submit(api, cyd, n).status_code for n in range(4)] == [202, 202, 202, 429]
    assert [_submit(api, dan, n).status_code for n in range(4)] == [202] * 4
    assert _in_force(api, grace, "submit", "bob@example.com") == ("2/minute", "set for this user")
    assert _in_force(api, grace, "submit", "cyd@example.com") == (
        "3/minute",
        "set for a team of this user",
    )
    assert _in_force(api, grace, "submit", "ada@example.com")[0] == "3/minute"  # its owner

    # A rule counted per address is set for everyone only.
    for body, status in (
        ({"rule": "login", "rate": "5/minute", "user_email": "bob@example.com"}, 422),
        ({"rule": "submit", "rate": "5/minute", "team": "Nobody's"}, 404),
        ({"rule": "submit", "rate": "5/minute", "user_email": "nobody@example.com"}, 404),
        ({"rule": "submit", "rate": "5/fortnight"}, 422),
        ({"rule": "submit", "rate": "0/minute"}, 422),
        ({"rule": "submit", "rate": "5/minute", "team": "Payments", "user_email": "a@b.c"}, 422),
    ):
        assert api.put(OVERRIDES, json=body, headers=grace).status_code == status, body
    everyone = _set(api, grace, rule="login", rate="1000/minute")
    assert everyone["applies_to"] == "everyone"
    assert _in_force(api, grace, "login", "bob@example.com") == ("1000/minute", "set for everyone")

    # Removed, the next source holds again; every change is in the audit log.
    assert api.delete(f"{OVERRIDES}/{mine['id']}", headers=bob).status_code == 403
    assert api.delete(f"{OVERRIDES}/{mine['id']}", headers=grace).status_code == 204
    assert api.delete(f"{OVERRIDES}/{mine['id']}", headers=grace).status_code == 404
    assert _in_force(api, grace, "submit", "bob@example.com") == ("99/hour", "from the settings")
    assert _submit(api, bob, 10).status_code == 202
    logged = api.get("/api/admin/audit", params={"action": "limit.set"}, headers=grace).json()
    assert logged["total"] == 5
    for override in api.get(OVERRIDES, headers=grace).json():
        api.delete(f"{OVERRIDES}/{override['id']}", headers=grace)
    removals = api.get("/api/admin/audit", params={"action": "limit.remove"}, headers=grace)
    assert removals.json()["total"] == 3
