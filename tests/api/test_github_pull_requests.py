"""GitHub pull requests reviewed end to end: a signed delivery queues the review, a real worker
reads the change from the GitHub stand-in (every request checked against GitHub's published
OpenAPI description), reviews it, and posts inline comments with suggestions, one summary
edited in place, and a commit status; new pushes mark fixed findings and never repeat one."""

import os
import signal
from collections.abc import Iterator
from datetime import timedelta

import psutil
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import (
    PostedComment,
    ProjectReview,
    PullRequestRun,
    PullRequestRunStatus,
    RepositoryConnection,
)
from review_app.processes import wait_for
from review_app.services.integrations.pr_comments import SUMMARY_MARK
from review_app.services.integrations.run_sweeper import sweep_stuck_runs
from support.github_standin import OWNER, REPO, GitHubApp, GitHubStandIn
from support.github_webhooks import comment_event, pull_request_event, signed
from support.http_standin import Fault, Hold
from tests.api.conftest import (
    connect_repository,
    pull_request_runs,
    run_outcomes,
    runs_ended,
)
from tests.conftest import RUN_DIR, started_worker

CELERY_QUEUE = "celery"
TOKEN = "github_pat_11TESTONLY0123456789abcdef"
SECRET = "a-webhook-secret-for-tests-only"
BASE = {
    "app/views.py": (
        "import sqlite3\n\n"
        "from flask import Flask\n\n"
        "app = Flask(__name__)\n\n\n"
        '@app.route("/users")\n'
        "def users():\n"
        '    db = sqlite3.connect("app.db")\n'
        '    return str(db.execute("SELECT name FROM users").fetchall())\n'
    ),
    "README.md": "# Storefront\n",
}
INJECTED_QUERY = (
    '    return str(db.execute("SELECT name FROM users WHERE name = \'" + name + "\'")'
    ".fetchall())\n"
)
HEAD = {
    **BASE,
    "app/views.py": (
        "import os\n"
        "import sqlite3\n\n"
        "from flask import Flask, request\n\n"
        "app = Flask(__name__)\n\n\n"
        '@app.route("/users")\n'
        "def users():\n"
        '    name = request.args["name"]\n'
        '    db = sqlite3.connect("app.db")\n' + INJECTED_QUERY
    ),
}
PARAMETERIZED_QUERY = (
    '    rows = db.execute("SELECT name FROM users WHERE name = ?", (name,)).fetchall()\n'
    '    return {"users": [row[0] for row in rows]}\n'
)
FIXED = HEAD["app/views.py"].replace("import os\n", "").replace(INJECTED_QUERY, PARAMETERIZED_QUERY)


@pytest.fixture
def github() -> Iterator[GitHubStandIn]:
    with GitHubStandIn(TOKEN) as standin:
        yield standin


@pytest.fixture
def admin(api: TestClient, integration_admin: dict, github: GitHubStandIn) -> dict:
    """An admin who connected the stand-in's repository (before any worker starts)."""
    connection = connect_repository(
        api,
        integration_admin,
        host="github",
        repository=f"{OWNER}/{REPO}",
        token=TOKEN,
        webhook_secret=SECRET,
        api_url=github.api_url,
        fail_on="high",
    )
    assert connection["token_hint"] == f"…{TOKEN[-4:]}"
    return integration_admin


def _deliver(api: TestClient, payload: dict, event: str, secret: str = SECRET):
    body, headers = signed(payload, secret, event)
    return api.post("/api/integrations/github/webhook", content=body, headers=headers)


def _summaries(github: GitHubStandIn) -> list[dict]:
    return [c for c in github.issue_comments.values() if c["body"].startswith(SUMMARY_MARK)]


def test_a_pull_request_gets_inline_comments_a_summary_and_a_status_updated_on_each_push(
    api: TestClient, admin: dict, github: GitHubStandIn, two_workers: None
) -> None:
    pull = github.open_pull_request(7, BASE, HEAD)
    answer = _deliver(api, pull_request_event("opened", pull), "pull_request")
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
    [summary] = _summaries(github)
    assert "❌ fails" in summary["body"]

    github.push(7, {"app/views.py": FIXED})
    answer = _deliver(api, pull_request_event("synchronize", pull), "pull_request")
    assert answer.status_code == 202, answer.text
    wait_for(lambda: runs_ended(2), timeout=120, what="the second review")
    assert run_outcomes() == [("published", None)] * 2

    assert github.statuses[-1]["state"] == "success"
    assert github.statuses[-1]["sha"] == pull.head_sha
    assert len(github.comments_on(7)) == len(comments)  # nothing posted twice
    assert by_rule["python-sql-injection"]["body"].startswith("✅ Fixed in")
    assert by_rule["F401"]["body"].startswith("✅ Fixed in")
    [summary] = _summaries(github)  # edited in place
    assert "✅ passes" in summary["body"]

    assert _deliver(api, pull_request_event("reopened", pull), "pull_request").status_code == 202
    wait_for(lambda: runs_ended(3), timeout=120, what="the review on reopening")
    assert run_outcomes() == [("published", None)] * 3
    assert len(github.comments_on(7)) == len(comments)
    assert len(_summaries(github)) == 1
    assert [status["state"] for status in github.statuses] == ["failure", "success", "success"]
    assert github.violations == []


def test_deliveries_are_checked_before_anything_is_queued(
    api: TestClient, admin: dict, github: GitHubStandIn
) -> None:
    pull = github.open_pull_request(3, BASE, HEAD)
    payload = pull_request_event("opened", pull)

    assert _deliver(api, payload, "pull_request", secret="not-the-secret").status_code == 401
    body, headers = signed(payload, SECRET, "pull_request")
    assert (
        api.post(
            "/api/integrations/github/webhook", content=body + b" ", headers=headers
        ).status_code
        == 401
    )
    unconnected = {**payload, "repository": {**payload["repository"], "full_name": "someone/else"}}
    assert _deliver(api, unconnected, "pull_request").status_code == 404
    assert pull_request_runs() == []

    first = api.post("/api/integrations/github/webhook", content=body, headers=headers)
    replay = api.post("/api/integrations/github/webhook", content=body, headers=headers)
    assert (first.status_code, replay.status_code) == (202, 200)
    assert replay.json()["detail"] == "Delivery already received."
    closed = pull_request_event("closed", pull)
    assert _deliver(api, closed, "pull_request").json()["queued"] is False
    assert _deliver(api, comment_event(3, "looks good"), "issue_comment").json()["queued"] is False
    assert _deliver(api, comment_event(3, "/review please"), "issue_comment").status_code == 202
    assert [run.number for run in pull_request_runs()] == [3, 3]


def test_a_revoked_token_fails_the_run_and_the_admin_sees_the_hosts_answer(
    api: TestClient, admin: dict, github: GitHubStandIn, two_workers: None
) -> None:
    github.token = "revoked"
    pull = github.open_pull_request(9, BASE, HEAD)
    assert _deliver(api, pull_request_event("opened", pull), "pull_request").status_code == 202
    wait_for(lambda: runs_ended(1), timeout=60, what="the failure")
    [run] = pull_request_runs()
    assert "401" in run.error
    [connection] = api.get("/api/integrations", headers=admin).json()
    assert "401" in connection["last_error"]
    assert github.statuses == []


def test_an_outage_and_a_rate_limit_are_waited_out(
    api: TestClient, admin: dict, github: GitHubStandIn, two_workers: None
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
    assert _deliver(api, pull_request_event("opened", pull), "pull_request").status_code == 202
    wait_for(lambda: runs_ended(1), timeout=120, what="the review after the faults")
    assert run_outcomes() == [("published", None)]
    assert len(github.statuses) == 1
    assert github.faults == []
    [connection] = api.get("/api/integrations", headers=admin).json()
    assert connection["last_error"] is None
    assert github.violations == []


def test_a_run_that_lost_its_records_after_posting_posts_nothing_twice(
    api: TestClient, admin: dict, github: GitHubStandIn, two_workers: None
) -> None:
    pull = github.open_pull_request(13, BASE, HEAD)
    assert _deliver(api, pull_request_event("opened", pull), "pull_request").status_code == 202
    wait_for(lambda: runs_ended(1), timeout=120, what="the first review")
    posted = len(github.comments_on(13))
    with session_scope() as session:  # as if the worker died between posting and recording
        for row in session.exec(select(PostedComment)).all():
            session.delete(row)

    assert _deliver(api, comment_event(13, "/review"), "issue_comment").status_code == 202
    wait_for(lambda: runs_ended(2), timeout=120, what="the review asked for again")

    assert run_outcomes() == [("published", None)] * 2
    assert len(github.comments_on(13)) == posted
    assert len(_summaries(github)) == 1
    assert github.violations == []


def _process_on_port(worker_pid: int, port: int) -> psutil.Process:
    """The worker's pool process whose connection leaves from local `port`."""
    for child in psutil.Process(worker_pid).children(recursive=True):
        if any(c.laddr.port == port for c in child.net_connections("tcp")):
            return child
    raise AssertionError(f"no process of worker {worker_pid} uses port {port}")


def test_a_worker_killed_while_posting_leaves_one_review_summary_and_status(
    api: TestClient, admin: dict, github: GitHubStandIn, redis_client
) -> None:
    held = github.hold(Hold("POST", "/reviews"))  # GitHub has the comments; the answer waits
    pull = github.open_pull_request(15, BASE, HEAD)
    with started_worker(redis_client, concurrency=2) as worker:
        assert _deliver(api, pull_request_event("opened", pull), "pull_request").status_code == 202
        assert held.reached.wait(timeout=120), "the review was never posted"
        os.kill(_process_on_port(worker.process.pid, held.client_port).pid, signal.SIGKILL)
        held.release.set()
        wait_for(lambda: runs_ended(1), timeout=120, what="the post taken up again")
    log = (RUN_DIR / "logs" / f"{worker.name}.log").read_text()
    assert "WorkerLostError" in log
    assert TOKEN not in log  # credentials are never logged, not even in a crash
    assert SECRET not in log

    assert run_outcomes() == [("published", None)]
    assert github.comments_on(15)
    assert len(github.reviews) == 1  # the comments GitHub had were not posted again
    assert len(_summaries(github)) == 1
    assert [status["state"] for status in github.statuses] == ["failure"]
    assert github.violations == []


def _age_runs(by: timedelta, *, review_ended_too: bool = False) -> None:
    """Make every run's last step (and with `review_ended_too`, its review's end) older."""
    with session_scope() as session:
        for run in session.exec(select(PullRequestRun)).all():
            run.queued_at -= by
            if review_ended_too:
                review = session.get(ProjectReview, run.project_review_id)
                review.finished_at -= by
                session.add(review)
            session.add(run)


def test_a_run_whose_messages_were_lost_is_swept_into_the_queue_and_posted_once(
    api: TestClient, admin: dict, github: GitHubStandIn, redis_client
) -> None:
    pull = github.open_pull_request(17, BASE, HEAD)
    assert _deliver(api, pull_request_event("opened", pull), "pull_request").status_code == 202
    redis_client.delete(CELERY_QUEUE)  # the broker lost it: GitHub will not deliver it again
    assert sweep_stuck_runs() == []  # a fresh run may wait
    _age_runs(timedelta(minutes=11))
    [run] = pull_request_runs()
    assert sweep_stuck_runs() == [run.id]
    assert sweep_stuck_runs() == []  # queued once
    with started_worker(redis_client):
        wait_for(lambda: runs_ended(1), timeout=120, what="the swept run posted")
        assert run_outcomes() == [("published", None)]
        posted = len(github.comments_on(17))

        with session_scope() as session:  # reviewed, but the message to publish it was lost
            session.exec(update(PullRequestRun).values(status=PullRequestRunStatus.REVIEWING))
        _age_runs(timedelta(minutes=11))
        assert sweep_stuck_runs() == []  # its review ended just now: publishing may be under way
        _age_runs(timedelta(minutes=11), review_ended_too=True)
        assert sweep_stuck_runs() == [run.id]
        wait_for(lambda: runs_ended(1), timeout=120, what="the swept run published")

    assert len(github.comments_on(17)) == posted
    assert len(_summaries(github)) == 1
    assert len(github.statuses) == 2
    assert github.violations == []


def test_a_pull_request_over_the_size_limit_is_reviewed_in_part_and_says_so(
    api: TestClient, admin: dict, github: GitHubStandIn, two_workers: None
) -> None:
    with session_scope() as session:
        [connection] = session.exec(select(RepositoryConnection)).all()
        connection.max_files = 1
        session.add(connection)
    head = {**HEAD, "app/zz_extra.py": "import os\n"}
    pull = github.open_pull_request(17, BASE, head)
    assert _deliver(api, pull_request_event("opened", pull), "pull_request").status_code == 202
    wait_for(lambda: runs_ended(1), timeout=120, what="the partial review")

    assert run_outcomes() == [("published", None)]
    [summary] = _summaries(github)
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
        answer = _deliver(api, pull_request_event("opened", pull), "pull_request")
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
