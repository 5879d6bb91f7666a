"""GitLab merge requests reviewed end to end: the secret token checked, a real worker reads the
change from the GitLab stand-in (every request checked against GitLab's documented shapes),
reviews it, and posts a discussion per new finding with GitLab's suggestion syntax, one summary
note edited in place, and a commit status; a later push resolves what it fixed."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from review_app.processes import wait_for
from review_app.services.integrations.pr_comments import SUMMARY_MARK
from support.gitlab_standin import PROJECT, GitLabStandIn
from support.gitlab_webhooks import delivered, merge_request_event, note_event
from support.http_standin import Fault
from tests.api.conftest import (
    connect_repository,
    pull_request_runs,
    run_outcomes,
    runs_ended,
)
from tests.api.github_pulls import BASE, FIXED, HEAD, TEAM_CONFIG

TOKEN = "glpat-TESTONLY-0123456789ab"
SECRET = "a-gitlab-webhook-token-for-tests"


@pytest.fixture
def gitlab() -> Iterator[GitLabStandIn]:
    with GitLabStandIn(TOKEN) as standin:
        yield standin


@pytest.fixture
def connected(api: TestClient, integration_admin: dict, gitlab: GitLabStandIn) -> dict:
    connect_repository(
        api,
        integration_admin,
        host="gitlab",
        repository=PROJECT,
        token=TOKEN,
        webhook_secret=SECRET,
        api_url=gitlab.api_url,
    )
    return integration_admin


def _deliver(api: TestClient, payload: dict, event: str, token: str = SECRET):
    body, headers = delivered(payload, token, event)
    return api.post("/api/integrations/gitlab/webhook", content=body, headers=headers)


def test_a_merge_request_gets_discussions_a_summary_note_and_a_status(
    api: TestClient, connected: dict, gitlab: GitLabStandIn, two_workers: None
) -> None:
    request = gitlab.open_merge_request(4, BASE, HEAD)
    answer = _deliver(api, merge_request_event("open", request), "Merge Request Hook")
    assert answer.status_code == 202, answer.text
    wait_for(lambda: runs_ended(1), timeout=120, what="the review posted")
    assert run_outcomes() == [("published", None)]

    assert [(s["sha"], s["state"], s["name"]) for s in gitlab.statuses] == [
        (request.head_sha, "failed", "review_app")
    ]
    notes = gitlab.inline_notes(4)
    injection = next(note for note in notes if "python-sql-injection" in note["body"])
    assert injection["position"]["new_line"] == 13
    unused = next(note for note in notes if "F401" in note["body"])
    assert "```suggestion:-0+0\n\n```" in unused["body"]
    summaries = [n for n in gitlab.notes.values() if n["body"].startswith(SUMMARY_MARK)]
    assert len(summaries) == 1

    title_only = merge_request_event("update", request)  # an edit without commits: nothing
    assert _deliver(api, title_only, "Merge Request Hook").json()["queued"] is False
    gitlab.merge_requests[4].head["app/views.py"] = FIXED
    gitlab.merge_requests[4].head_sha = "f" * 40
    pushed = merge_request_event("update", request, new_commits=True)
    assert _deliver(api, pushed, "Merge Request Hook").status_code == 202
    wait_for(lambda: runs_ended(2), timeout=120, what="the second review")
    assert run_outcomes() == [("published", None)] * 2

    assert gitlab.statuses[-1]["state"] == "success"
    assert len(gitlab.inline_notes(4)) == len(notes)
    assert injection["body"].startswith("✅ Fixed in")
    assert all(discussion["resolved"] for discussion in gitlab.discussions.values())
    assert [n["body"][:40] for n in gitlab.notes.values() if n["body"].startswith(SUMMARY_MARK)]
    assert gitlab.violations == []


def test_the_token_is_checked_and_notes_ask_for_a_review(
    api: TestClient, connected: dict, gitlab: GitLabStandIn
) -> None:
    request = gitlab.open_merge_request(5, BASE, HEAD)
    payload = merge_request_event("open", request)
    assert _deliver(api, payload, "Merge Request Hook", token="wrong").status_code == 401
    other = {**payload, "project": {**payload["project"], "path_with_namespace": "else/where"}}
    assert _deliver(api, other, "Merge Request Hook").status_code == 404
    assert pull_request_runs() == []
    body, headers = delivered(payload, SECRET, "Merge Request Hook")
    first = api.post("/api/integrations/gitlab/webhook", content=body, headers=headers)
    again = api.post("/api/integrations/gitlab/webhook", content=body, headers=headers)
    assert (first.status_code, again.status_code) == (202, 200)
    assert _deliver(api, note_event(request, "nice"), "Note Hook").json()["queued"] is False
    assert _deliver(api, note_event(request, "/review"), "Note Hook").status_code == 202
    assert [status for status, _ in run_outcomes()] == ["queued", "queued"]


def test_an_outage_and_a_rate_limit_are_waited_out_and_a_revoked_token_fails_the_run(
    api: TestClient, connected: dict, gitlab: GitLabStandIn, two_workers: None
) -> None:
    gitlab.fail_next(Fault(502, count=2, message="Bad Gateway"))
    gitlab.fail_next(Fault(429, count=1, headers={"Retry-After": "1"}, message="Retry later"))
    request = gitlab.open_merge_request(6, BASE, HEAD)
    assert (
        _deliver(api, merge_request_event("open", request), "Merge Request Hook").status_code == 202
    )
    wait_for(lambda: runs_ended(1), timeout=120, what="the review after the faults")
    assert run_outcomes() == [("published", None)]
    assert gitlab.faults == []
    assert [status["state"] for status in gitlab.statuses] == ["failed"]

    gitlab.token = "revoked"
    assert _deliver(api, note_event(request, "/review"), "Note Hook").status_code == 202
    wait_for(lambda: runs_ended(2), timeout=120, what="the refused run")
    assert run_outcomes()[-1][0] == "failed"
    assert "401" in run_outcomes()[-1][1]
    [connection] = api.get("/api/integrations", headers=connected).json()
    assert "401" in connection["last_error"]
    assert len(gitlab.statuses) == 1
    assert gitlab.violations == []


def test_the_projects_review_app_toml_decides_rules_severities_and_the_gate(
    api: TestClient, connected: dict, gitlab: GitLabStandIn, two_workers: None
) -> None:
    configured = {"review_app.toml": TEAM_CONFIG}
    request = gitlab.open_merge_request(8, {**BASE, **configured}, {**HEAD, **configured})
    assert (
        _deliver(api, merge_request_event("open", request), "Merge Request Hook").status_code == 202
    )
    wait_for(lambda: runs_ended(1), timeout=120, what="the review posted")
    assert run_outcomes() == [("published", None)]
    notes = [note["body"] for note in gitlab.inline_notes(8)]
    assert not any("F401" in body for body in notes)
    assert "**high**" in next(body for body in notes if "python-sql-injection" in body)
    assert [status["state"] for status in gitlab.statuses] == ["success"]
    assert gitlab.violations == []
