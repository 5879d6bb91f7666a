"""GitHub pull requests reviewed end to end: a signed delivery queues the review, a real worker
reads the change from the GitHub stand-in (every request checked against GitHub's published
OpenAPI description), reviews it, and posts inline comments with suggestions, one summary
edited in place, and a commit status; new pushes mark fixed findings and never repeat one."""

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi.testclient import TestClient
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import (
    RepositoryConnection,
)
from review_app.processes import wait_for
from support.github_standin import OWNER, REPO, GitHubApp, GitHubStandIn
from support.github_webhooks import comment_event, pull_request_event, signed
from support.http_standin import Fault
from tests.api.conftest import (
    connect_repository,
    pull_request_runs,
    run_outcomes,
    runs_ended,
)
from tests.api.github_pulls import BASE, FIXED, HEAD, SECRET, TEAM_CONFIG, deliver, summaries


def test_a_pull_request_gets_inline_comments_a_summary_and_a_status_updated_on_each_push(
    api: TestClient, github_admin: dict, github: GitHubStandIn, two_workers: None
) -> None:
    pull = github.open_pull_request(7, BASE, HEAD)
    answer = deliver(api, pull_request_event("opened", pull), "pull_request")
    assert answer.status_code == 202, answer.text
    wait_for(lambda: runs_ended(1), timeout=120, what="the review posted")
    assert run_outcomes() == [("published", None)]

    [status] = github.statuses
    assert (status["sha"], status["state"], status["context"]) == (
        pull.head_sha,
        "failure",
        "review_app",
    )
    comments = github.comments_on(7)
    by_rule = {
        rule: c for c in comments for rule in ("python-sql-injection", "F401") if rule in c["body"]
    }
    assert set(by_rule) == {"python-sql-injection", "F401"}
    assert by_rule["python-sql-injection"]["line"] == 13
    assert (
        "**critical**" in by_rule["python-sql-injection"]["body"]
        or "**high**" in by_rule["python-sql-injection"]["body"]
    )
    assert "```suggestion\n\n```" in by_rule["F401"]["body"]  # delete the unused import
    [summary] = summaries(github)
    assert "❌ fails" in summary["body"]

    github.push(7, {"app/views.py": FIXED})
    answer = deliver(api, pull_request_event("synchronize", pull), "pull_request")
    assert answer.status_code == 202, answer.text
    wait_for(lambda: runs_ended(2), timeout=120, what="the second review")
    assert run_outcomes() == [("published", None)] * 2

    assert github.statuses[-1]["state"] == "success"
    assert github.statuses[-1]["sha"] == pull.head_sha
    assert len(github.comments_on(7)) == len(comments)  # nothing posted twice
    assert by_rule["python-sql-injection"]["body"].startswith("✅ Fixed in")
    assert by_rule["F401"]["body"].startswith("✅ Fixed in")
    [summary] = summaries(github)  # edited in place
    assert "✅ passes" in summary["body"]

    assert deliver(api, pull_request_event("reopened", pull), "pull_request").status_code == 202
    wait_for(lambda: runs_ended(3), timeout=120, what="the review on reopening")
    assert run_outcomes() == [("published", None)] * 3
    assert len(github.comments_on(7)) == len(comments)
    assert len(summaries(github)) == 1
    assert [status["state"] for status in github.statuses] == ["failure", "success", "success"]
    assert github.violations == []


def test_deliveries_are_checked_before_anything_is_queued(
    api: TestClient, github_admin: dict, github: GitHubStandIn
) -> None:
    pull = github.open_pull_request(3, BASE, HEAD)
    payload = pull_request_event("opened", pull)

    assert deliver(api, payload, "pull_request", secret="not-the-secret").status_code == 401
    body, headers = signed(payload, SECRET, "pull_request")
    assert (
        api.post(
            "/api/integrations/github/webhook", content=body + b" ", headers=headers
        ).status_code
        == 401
    )
    unconnected = {**payload, "repository": {**payload["repository"], "full_name": "someone/else"}}
    assert deliver(api, unconnected, "pull_request").status_code == 404
    assert pull_request_runs() == []

    first = api.post("/api/integrations/github/webhook", content=body, headers=headers)
    replay = api.post("/api/integrations/github/webhook", content=body, headers=headers)
    assert (first.status_code, replay.status_code) == (202, 200)
    assert replay.json()["detail"] == "Delivery already received."
    closed = pull_request_event("closed", pull)
    assert deliver(api, closed, "pull_request").json()["queued"] is False
    assert deliver(api, comment_event(3, "looks good"), "issue_comment").json()["queued"] is False
    assert deliver(api, comment_event(3, "/review please"), "issue_comment").status_code == 202
    assert [run.number for run in pull_request_runs()] == [3, 3]


def test_a_revoked_token_fails_the_run_and_the_admin_sees_the_hosts_answer(
    api: TestClient, github_admin: dict, github: GitHubStandIn, two_workers: None
) -> None:
    github.token = "revoked"
    pull = github.open_pull_request(9, BASE, HEAD)
    assert deliver(api, pull_request_event("opened", pull), "pull_request").status_code == 202
    wait_for(lambda: runs_ended(1), timeout=60, what="the failure")
    [run] = pull_request_runs()
    assert "401" in run.error
    [connection] = api.get("/api/integrations", headers=github_admin).json()
    assert "401" in connection["last_error"]
    assert github.statuses == []


def test_an_outage_and_a_rate_limit_are_waited_out(
    api: TestClient, github_admin: dict, github: GitHubStandIn, two_workers: None
) -> None:
    github.fail_next(Fault(503, count=1))
    github.fail_next(
        Fault(
            403,
            count=1,
            headers={"x-ratelimit-remaining": "0", "retry-after": "1"},
            message="API rate limit exceeded",
        )
    )
    pull = github.open_pull_request(11, BASE, HEAD)
    assert deliver(api, pull_request_event("opened", pull), "pull_request").status_code == 202
    wait_for(lambda: runs_ended(1), timeout=120, what="the review after the faults")
    assert run_outcomes() == [("published", None)]
    assert len(github.statuses) == 1
    assert github.faults == []
    [connection] = api.get("/api/integrations", headers=github_admin).json()
    assert connection["last_error"] is None
    assert github.violations == []


def test_the_repositorys_review_app_toml_decides_rules_severities_and_the_gate(
    api: TestClient, github_admin: dict, github: GitHubStandIn, two_workers: None
) -> None:
    configured = {"review_app.toml": TEAM_CONFIG}
    pull = github.open_pull_request(19, {**BASE, **configured}, {**HEAD, **configured})
    assert deliver(api, pull_request_event("opened", pull), "pull_request").status_code == 202
    wait_for(lambda: runs_ended(1), timeout=120, what="the review posted")
    assert run_outcomes() == [("published", None)]

    bodies = [comment["body"] for comment in github.comments_on(19)]
    assert not any("F401" in body for body in bodies)  # switched off by the repository
    [injection] = [body for body in bodies if "python-sql-injection" in body]
    assert "**high**" in injection
    [status] = github.statuses  # the connection fails on high; the repository on critical
    assert status["state"] == "success"
    assert "passes" in summaries(github)[0]["body"]
    assert github.violations == []


def test_a_pull_request_over_the_size_limit_is_reviewed_in_part_and_says_so(
    api: TestClient, github_admin: dict, github: GitHubStandIn, two_workers: None
) -> None:
    with session_scope() as session:
        [connection] = session.exec(select(RepositoryConnection)).all()
        connection.max_files = 1
        session.add(connection)
    head = {**HEAD, "app/zz_extra.py": "import os\n"}
    pull = github.open_pull_request(17, BASE, head)
    assert deliver(api, pull_request_event("opened", pull), "pull_request").status_code == 202
    wait_for(lambda: runs_ended(1), timeout=120, what="the partial review")

    assert run_outcomes() == [("published", None)]
    [summary] = summaries(github)
    assert "Reviewed the first 1 of 2 changed files." in summary["body"]
    assert {comment["path"] for comment in github.comments_on(17)} == {"app/views.py"}


def test_a_github_app_connection_works_through_installation_tokens(
    api: TestClient, integration_admin: dict, two_workers: None
) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    public_pem = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    app = GitHubApp(app_id="4242", public_key=public_pem, installation_id=99)
    with GitHubStandIn("ghs_installation_token_for_tests", app=app) as github:
        connection = connect_repository(
            api,
            integration_admin,
            host="github",
            repository=f"{OWNER}/{REPO}",
            app_id="4242",
            private_key=private_pem,
            installation_id=99,
            webhook_secret=SECRET,
            api_url=github.api_url,
        )
        assert connection["token_hint"] == "app 4242"
        pull = github.open_pull_request(21, BASE, HEAD)
        answer = deliver(api, pull_request_event("opened", pull), "pull_request")
        assert answer.status_code == 202, answer.text
        wait_for(lambda: runs_ended(1), timeout=120, what="the review posted by the app")

    assert run_outcomes() == [("published", None)]
    assert any("python-sql-injection" in c["body"] for c in github.comments_on(21))
    assert ("POST", "/app/installations/99/access_tokens") in github.requests
    assert github.violations == []


def test_a_connection_takes_a_token_or_a_whole_github_app(
    api: TestClient, integration_admin: dict
) -> None:
    half_an_app = {
        "host": "github",
        "repository": f"{OWNER}/{REPO}",
        "app_id": "4242",
        "webhook_secret": SECRET,
    }
    answer = api.post("/api/integrations", json=half_an_app, headers=integration_admin)
    assert answer.status_code == 422
    gitlab_app = {**half_an_app, "host": "gitlab", "private_key": "x" * 40, "installation_id": 1}
    answer = api.post("/api/integrations", json=gitlab_app, headers=integration_admin)
    assert answer.status_code == 422
