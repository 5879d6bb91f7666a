"""`GET /api/stats`: your own numbers; an admin's across users or for one user."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from review_app.models import ReviewStatus
from support.seed import add_review
from tests.api.conftest import bearer

MARCH = {"from": "2026-03-01", "to": "2026-03-31"}


class Callers:
    """Ada and Bob (users, with reviews in March 2026) and Grace (an admin, with none)."""

    def __init__(self, api: TestClient, make_user, sign_in) -> None:
        self.api = api
        self.headers: dict[str, dict] = {}
        self.ids: dict[str, uuid.UUID] = {}
        for name, role in (("ada", "user"), ("bob", "user"), ("grace", "admin")):
            make_user(f"{name}@example.com", role=role)
            self.headers[name] = bearer(sign_in(f"{name}@example.com")["access_token"])
            me = api.get("/api/users/me", headers=self.headers[name]).json()
            self.ids[name] = uuid.UUID(me["id"])

    def stats(self, name: str, status: int = 200, **params) -> dict:
        """Ask for statistics as `name`; returns the JSON, checking the status."""
        response = self.api.get("/api/stats", params=params, headers=self.headers[name])
        assert response.status_code == status, response.text
        return response.json()


@pytest.fixture
def callers(api: TestClient, make_user, sign_in) -> Callers:
    callers = Callers(api, make_user, sign_in)
    march = datetime(2026, 3, 10, 12, tzinfo=UTC)
    add_review(
        callers.ids["ada"],
        march,
        score=80,
        tokens=(30, 20),
        findings=(("high", "security", "B105", "Hardcoded password"),),
    )
    add_review(callers.ids["ada"], march, language="go", score=60, cached=True)
    add_review(callers.ids["bob"], march + timedelta(days=1), score=50, tokens=(5, 5))
    add_review(callers.ids["bob"], march, status=ReviewStatus.FAILED, error="Worker died.")
    return callers


def test_a_user_gets_their_own_numbers(callers: Callers) -> None:
    stats = callers.stats("ada", **MARCH)
    assert stats["user_id"] == str(callers.ids["ada"])
    assert (stats["date_from"], stats["date_to"], len(stats["per_day"])) == (
        "2026-03-01",
        "2026-03-31",
        31,
    )
    assert (stats["reviews"], stats["completed"], stats["cached"]) == (2, 2, 1)
    assert (stats["cache_hit_rate"], stats["average_score"], stats["llm_tokens"]) == (0.5, 70.0, 50)
    assert stats["per_day"][9] == {"day": "2026-03-10", "reviews": 2, "average_score": 70.0}
    assert stats["top_rules"] == [{"rule": "B105", "title": "Hardcoded password", "count": 1}]
    assert stats["findings_by_severity"][1] == {"name": "high", "count": 1}

    assert callers.stats("ada", user_id=str(callers.ids["ada"]), **MARCH)["reviews"] == 2
    python = callers.stats("ada", language="python", **MARCH)
    assert (python["language"], python["reviews"], python["average_score"]) == ("python", 1, 80.0)


def test_only_an_admin_sees_other_users(callers: Callers) -> None:
    refused = callers.stats("ada", status=403, user_id=str(callers.ids["bob"]), **MARCH)
    assert refused["detail"] == "Only admins may see another user's statistics."

    everyone = callers.stats("grace", **MARCH)
    assert everyone["user_id"] is None
    assert (everyone["reviews"], everyone["completed"], everyone["failed"]) == (4, 3, 1)
    assert (everyone["average_score"], everyone["llm_tokens"]) == (63.33, 60)
    bob = callers.stats("grace", user_id=str(callers.ids["bob"]), **MARCH)
    assert (bob["user_id"], bob["reviews"], bob["failed"]) == (str(callers.ids["bob"]), 2, 1)
    assert callers.stats("grace", user_id=str(callers.ids["grace"]), **MARCH)["reviews"] == 0


def test_bad_filters_are_refused_with_a_message(callers: Callers, api: TestClient) -> None:
    reversed_range = callers.stats("ada", status=422, **{"from": "2026-03-31", "to": "2026-03-01"})
    assert reversed_range["detail"] == "'from' (2026-03-31) is after 'to' (2026-03-01)."
    too_long = callers.stats("ada", status=422, **{"from": "2024-01-01", "to": "2026-03-01"})
    assert too_long["detail"] == "The range spans more than 366 days; choose less."
    assert "is not supported" in callers.stats("ada", status=422, language="cobol")["detail"]
    callers.stats("ada", status=422, **{"from": "yesterday"})
    callers.stats("ada", status=422, user_id="not-a-uuid")
    assert api.get("/api/stats").status_code == 401


def test_the_first_and_last_days_there_are_are_counted_without_an_error(callers: Callers) -> None:
    first = callers.stats("ada", to="0001-01-01")  # thirty days before it: was a 500
    assert (first["date_from"], first["reviews"]) == ("0001-01-01", 0)
    last = callers.stats("ada", **{"from": "9999-12-31", "to": "9999-12-31"})  # the day after
    assert (last["date_to"], last["reviews"]) == ("9999-12-31", 0)


def test_without_dates_the_last_thirty_days_are_counted(callers: Callers) -> None:
    add_review(callers.ids["ada"], datetime.now(UTC), score=90)
    stats = callers.stats("ada")
    today = datetime.now(UTC).date()
    assert (stats["date_from"], stats["date_to"]) == (
        str(today - timedelta(days=29)),
        str(today),
    )
    assert (stats["reviews"], stats["per_day"][-1]["reviews"]) == (1, 1)
    since = callers.stats("ada", **{"from": str(today - timedelta(days=2))})
    assert (since["date_to"], len(since["per_day"]), since["reviews"]) == (str(today), 3, 1)
