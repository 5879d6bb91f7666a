"""`/api/admin/*`: what an admin can do, that everyone else is refused, and that it is logged."""

import uuid
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from review_app.models import ReviewStatus
from review_app.processes import wait_for
from review_app.services.accounts.tokens import TokenType, decode_token
from review_app.services.live_channel import user_channel
from review_app.services.reviews import runs as review_runs
from support.pubsub import listening, read_events
from support.seed import add_review
from tests.api.conftest import PASSWORD, bearer

CELERY_QUEUE = "celery"
SOME_ID = "00000000-0000-0000-0000-000000000000"
ADMIN_ROUTES = [
    ("GET", "/api/admin/users"),
    ("POST", f"/api/admin/users/{SOME_ID}/disable"),
    ("POST", f"/api/admin/users/{SOME_ID}/enable"),
    ("POST", f"/api/admin/users/{SOME_ID}/promote"),
    ("POST", f"/api/admin/users/{SOME_ID}/demote"),
    ("GET", "/api/admin/queue"),
    ("GET", "/api/admin/hosts"),
    ("GET", "/api/admin/jobs/failed"),
    ("POST", f"/api/admin/jobs/{SOME_ID}/rerun"),
    ("GET", "/api/admin/rate-limits"),
    ("GET", "/api/admin/rate-limits/overrides"),
    ("DELETE", "/api/admin/rate-limits/overrides/1"),
    ("GET", "/api/admin/cache"),
    ("POST", "/api/admin/cache/purge"),
    ("GET", "/api/admin/audit"),
]


class People:
    """An admin (Grace) and a user (Bob), signed in, with their ids."""

    def __init__(self, api: TestClient, make_user, sign_in) -> None:
        self.api = api
        self.sign_in = sign_in
        make_user("grace@example.com", role="admin")
        make_user("bob@example.com")
        self.grace = bearer(sign_in("grace@example.com")["access_token"])
        self.bob_tokens = sign_in("bob@example.com")
        self.bob = bearer(self.bob_tokens["access_token"])
        self.grace_id = self.me(self.grace)["id"]
        self.bob_id = self.me(self.bob)["id"]

    def me(self, headers: dict) -> dict:
        response = self.api.get("/api/users/me", headers=headers)
        assert response.status_code == 200, response.text
        return response.json()

    def admin(self, method: str, path: str, headers: dict | None = None, **params) -> dict:
        """Call an admin route as Grace; returns the JSON of a 200."""
        response = self.api.request(method, path, headers=headers or self.grace, params=params)
        assert response.status_code == 200, response.text
        return response.json()


@pytest.fixture
def people(api: TestClient, make_user, sign_in) -> People:
    return People(api, make_user, sign_in)


def test_every_admin_route_is_refused_to_users_and_to_the_signed_out(people: People) -> None:
    for method, path in ADMIN_ROUTES:
        as_user = people.api.request(method, path, headers=people.bob)
        assert as_user.status_code == 403, (method, path)
        assert as_user.json()["detail"] == "Only admins may do this."
        assert people.api.request(method, path).status_code == 401, (method, path)
    assert people.me(people.bob)["role"] == "user"
    assert people.admin("GET", "/api/admin/audit", action="user.promote")["total"] == 0


def test_an_admin_finds_users_by_part_of_their_email_with_review_counts(people: People) -> None:
    for day in (1, 2):
        add_review(uuid.UUID(people.bob_id), datetime(2026, 3, day, tzinfo=UTC))

    found = people.admin("GET", "/api/admin/users", q="EXAMPLE.com")
    assert found["total"] == 2
    assert [
        (user["email"], user["role"], user["disabled"], user["reviews"]) for user in found["items"]
    ] == [
        ("bob@example.com", "user", False, 2),
        ("grace@example.com", "admin", False, 0),
    ]
    second = people.admin("GET", "/api/admin/users", limit=1, offset=1)
    assert ([user["email"] for user in second["items"]], second["total"]) == (
        ["grace@example.com"],
        2,
    )
    assert people.admin("GET", "/api/admin/users", q="%")["total"] == 0  # no wildcards
    refused = people.api.get("/api/admin/users", params={"limit": 0}, headers=people.grace)
    assert (refused.status_code, refused.json()["detail"]) == (422, "limit must be at least 1.")


def test_a_disabled_user_is_signed_out_at_once_and_cannot_sign_in(
    people: People, redis_client
) -> None:
    api, bob = people.api, people.bob
    second_login = people.sign_in("bob@example.com")
    assert people.me(bob)["email"] == "bob@example.com"  # the session is now cached in Redis
    bobs_tabs = redis_client.pubsub()
    bobs_tabs.subscribe(user_channel(uuid.UUID(people.bob_id)))
    listening(bobs_tabs)

    disabled = people.admin("POST", f"/api/admin/users/{people.bob_id}/disable")
    assert (disabled["email"], disabled["disabled"]) == ("bob@example.com", True)

    told: set[str] = set()

    def every_login_told(event: dict) -> bool:
        assert event["type"] == "logout"
        told.add(event["family"])
        return len(told) == 2

    read_events(bobs_tabs, until=every_login_told, timeout=5)
    bobs_tabs.close()
    logins = (people.bob_tokens, second_login)
    assert told == {
        str(decode_token(login["refresh_token"], TokenType.REFRESH).fam) for login in logins
    }

    for headers in (bob, bearer(second_login["access_token"])):
        assert api.get("/api/users/me", headers=headers).status_code == 401
    for login in logins:
        refreshed = api.post("/api/auth/refresh", json={"refresh_token": login["refresh_token"]})
        assert refreshed.status_code == 401
    login = api.post("/api/auth/login", json={"email": "bob@example.com", "password": PASSWORD})
    assert (login.status_code, login.json()["detail"]) == (401, "This account is disabled.")
    refusals = people.admin("GET", "/api/admin/audit", action="login_refused")["items"]
    assert [(event["actor_email"], event["ip"]) for event in refusals] == [
        ("bob@example.com", "testclient")
    ]

    enabled = people.admin("POST", f"/api/admin/users/{people.bob_id}/enable")
    assert enabled["disabled"] is False
    assert api.get("/api/users/me", headers=bob).status_code == 401  # old logins stay ended
    assert people.me(bearer(people.sign_in("bob@example.com")["access_token"]))["role"] == "user"


def test_promotion_and_demotion_apply_to_the_next_request(people: People) -> None:
    queue = "/api/admin/queue"
    assert people.api.get(queue, headers=people.bob).status_code == 403

    promoted = people.admin("POST", f"/api/admin/users/{people.bob_id}/promote")
    assert promoted["role"] == "admin"
    assert people.admin("GET", queue, headers=people.bob)["redis_ok"] is True  # same token

    demoted = people.admin("POST", f"/api/admin/users/{people.grace_id}/demote", headers=people.bob)
    assert demoted["role"] == "user"
    assert people.api.get(queue, headers=people.grace).status_code == 403
    assert people.me(people.grace)["role"] == "user"


def test_an_admin_cannot_lock_themselves_out_and_unknown_users_are_404(people: People) -> None:
    for action, message in (
        ("disable", "You cannot disable your own account."),
        ("demote", "You cannot demote yourself; ask another admin."),
    ):
        response = people.api.post(
            f"/api/admin/users/{people.grace_id}/{action}", headers=people.grace
        )
        assert (response.status_code, response.json()["detail"]) == (403, message)
    assert people.me(people.grace)["role"] == "admin"
    assert people.admin("POST", f"/api/admin/users/{people.grace_id}/promote")["role"] == "admin"
    for action in ("disable", "enable", "promote", "demote"):
        response = people.api.post(f"/api/admin/users/{SOME_ID}/{action}", headers=people.grace)
        assert (response.status_code, response.json()["detail"]) == (404, "No user with this id.")


def test_queue_health_and_rate_limits_show_how_the_platform_is_doing(
    people: People, set_env, broker: str
) -> None:
    set_env(RATE_LIMIT_SUBMIT="99/hour")
    for code in ("x = 1\n", "y = 2\n"):
        submitted = people.api.post(
            "/api/reviews", json={"language": "python", "code": code}, headers=people.bob
        )
        assert submitted.status_code == 202
    bob = uuid.UUID(people.bob_id)
    add_review(bob, datetime(2026, 3, 1, tzinfo=UTC), status=ReviewStatus.FAILED)
    add_review(bob, datetime(2026, 3, 1, tzinfo=UTC), status=ReviewStatus.COMPLETED)

    health = people.admin("GET", "/api/admin/queue")
    assert health == {
        "redis_ok": True,
        "broker_ok": True,
        "queue_depth": 2,
        "pending": 2,
        "running": 0,
        "completed": 1,
        "failed": 1,
        "workers": [],
    }

    limits = people.admin("GET", "/api/admin/rate-limits")
    assert [(limit["rule"], limit["counted_per"]) for limit in limits] == [
        ("default", "user, or client IP when signed out"),
        ("login", "client IP"),
        ("login_account", "account, failed sign-ins from addresses it never signed in from"),
        ("register", "client IP"),
        ("refresh", "client IP"),
        ("submit", "user (cached answers are free)"),
        ("submit_ip", "client IP (cached answers are free)"),
        ("project", "user (refused archives are free)"),
        ("project_review", "user (each reviews every file of a project)"),
        ("team", "user (refused ones are free)"),
    ]
    rates = {limit["rule"]: limit["rate"] for limit in limits}
    assert (rates["default"], rates["submit"]) == ("10000/minute", "99/hour")


def test_a_failed_job_is_listed_with_its_error_and_rerun_once(people: People, redis_client) -> None:
    failed_at = datetime(2026, 3, 1, 9, tzinfo=UTC)
    review_id = add_review(
        uuid.UUID(people.bob_id),
        failed_at,
        status=ReviewStatus.FAILED,
        error="Worker died.",
        request_id="bob-ci-7",
    )
    [job] = people.admin("GET", "/api/admin/jobs/failed")["items"]
    assert (job["id"], job["user_email"], job["error"], job["request_id"]) == (
        str(review_id),
        "bob@example.com",
        "Worker died.",
        "bob-ci-7",  # the request id its log lines name
    )

    rerun = f"/api/admin/jobs/{review_id}/rerun"
    assert people.admin("POST", rerun) == {
        "id": str(review_id),
        "status": "pending",
        "requeued": True,
    }
    assert redis_client.llen(CELERY_QUEUE) == 1
    review = people.api.get(f"/api/reviews/{review_id}", headers=people.bob).json()
    assert (review["status"], review["error"], review["stage"]) == ("pending", None, "queued")
    assert people.admin("GET", "/api/admin/jobs/failed") == {
        "items": [],
        "total": 0,
        "limit": 20,
        "offset": 0,
    }

    again = people.admin("POST", rerun)
    assert (again["status"], again["requeued"]) == ("pending", False)
    assert redis_client.llen(CELERY_QUEUE) == 1
    missing = people.api.post(f"/api/admin/jobs/{SOME_ID}/rerun", headers=people.grace)
    assert (missing.status_code, missing.json()["detail"]) == (404, "No review with this id.")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # Celery, not SQL, on trial
def test_a_rerun_job_is_completed_by_a_live_worker(people: People, celery_worker: str) -> None:
    [worker] = people.admin("GET", "/api/admin/queue")["workers"]
    assert worker["hostname"].startswith(f"{celery_worker}@")
    assert worker["concurrency"] == 1
    assert worker["pid"] > 0

    review_id = add_review(
        uuid.UUID(people.bob_id), datetime.now(UTC), status=ReviewStatus.FAILED, error="Lost."
    )
    review_url = f"/api/reviews/{review_id}"
    assert people.api.get(review_url, headers=people.bob).json()["status"] == "failed"  # cached
    assert people.admin("POST", f"/api/admin/jobs/{review_id}/rerun")["requeued"] is True

    def completed() -> bool:
        return people.api.get(review_url, headers=people.bob).json()["status"] == "completed"

    wait_for(completed, timeout=30, what="the re-run review to complete")
    assert people.api.get(review_url, headers=people.bob).json()["score"] is not None


def test_purging_the_cache_empties_it_and_the_next_submission_runs_again(
    people: People, redis_client, set_env
) -> None:
    set_env(RATE_LIMIT_SUBMIT="100/hour")

    def submit(code: str) -> dict:
        body = {"language": "python", "code": code}
        response = people.api.post("/api/reviews", json=body, headers=people.bob)
        assert response.status_code == 202, response.text
        return response.json()

    for code in ("a = 1\n", "b = 2\n"):
        attempt = review_runs.start_attempt(uuid.UUID(submit(code)["id"]))
        assert review_runs.run_attempt(attempt)
    assert submit("a = 1\n")["cached"] is True
    assert submit("a = 1\n")["cached"] is True
    redis_client.set("review_app:unrelated", "kept")
    assert people.admin("GET", "/api/admin/cache") == {"entries": 2, "hits": 2, "hot_entries": 2}

    assert people.admin("POST", "/api/admin/cache/purge") == {"entries": 2, "hot_entries": 2}
    assert people.admin("GET", "/api/admin/cache") == {"entries": 0, "hits": 0, "hot_entries": 0}
    assert submit("a = 1\n")["cached"] is False
    assert redis_client.get("review_app:unrelated") == "kept"


def test_the_audit_log_shows_sign_ins_sign_outs_and_every_admin_action(people: People) -> None:
    review_id = add_review(
        uuid.UUID(people.bob_id), datetime(2026, 3, 1, tzinfo=UTC), status=ReviewStatus.FAILED
    )
    assert people.api.post("/api/auth/logout", headers=people.bob).status_code == 204
    for action in ("disable", "enable", "promote", "demote"):
        people.admin("POST", f"/api/admin/users/{people.bob_id}/{action}")
    people.admin("POST", f"/api/admin/jobs/{review_id}/rerun")
    people.admin("POST", "/api/admin/cache/purge")
    refused = people.api.post(
        "/api/auth/login", json={"email": "bob@example.com", "password": "wrong password"}
    )
    assert refused.status_code == 401

    log = people.admin("GET", "/api/admin/audit")
    assert log["total"] == 10
    assert [(event["actor_email"], event["action"], event["target"]) for event in log["items"]] == [
        (None, "login_failed", "bob@example.com"),
        ("grace@example.com", "cache.purge", None),
        ("grace@example.com", "review.rerun", str(review_id)),
        ("grace@example.com", "user.demote", "bob@example.com"),
        ("grace@example.com", "user.promote", "bob@example.com"),
        ("grace@example.com", "user.enable", "bob@example.com"),
        ("grace@example.com", "user.disable", "bob@example.com"),
        ("bob@example.com", "logout", None),
        ("bob@example.com", "login", None),
        ("grace@example.com", "login", None),
    ]
    assert {event["ip"] for event in log["items"]} == {"testclient"}
    assert log["items"][2]["detail"] == "queued again"

    bobs = people.admin("GET", "/api/admin/audit", actor="BOB@")
    assert [event["action"] for event in bobs["items"]] == ["logout", "login"]
    disables = people.admin("GET", "/api/admin/audit", action="user.disable", limit=1)
    assert (disables["total"], disables["items"][0]["target"]) == (1, "bob@example.com")
    page = people.admin("GET", "/api/admin/audit", limit=3, offset=8)
    assert [event["actor_email"] for event in page["items"]] == [
        "bob@example.com",
        "grace@example.com",
    ]


def test_searches_with_a_nul_and_offsets_past_the_maximum_are_refused(people: People) -> None:
    for path, params, message in (
        ("/api/admin/users", {"q": "a\x00b"}, "contains a NUL character"),  # PostgreSQL: 500
        ("/api/admin/audit", {"actor": "a\x00b"}, "contains a NUL character"),
        ("/api/admin/jobs/failed", {"offset": 2**63}, "offset must be at most"),  # was a 500
    ):
        response = people.api.get(path, params=params, headers=people.grace)
        assert response.status_code == 422, (path, response.text)
        assert message in response.json()["detail"], path
