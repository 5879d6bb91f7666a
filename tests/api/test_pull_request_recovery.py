"""Pull requests survive what goes wrong on our side: a worker killed while GitHub holds its
posted review, records lost after posting, and messages the broker lost (the sweep queues the
run again); each time the pull request ends with one set of comments, one summary, one status."""

import os
import signal
from datetime import timedelta

import psutil
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import PostedComment, ProjectReview, PullRequestRun, PullRequestRunStatus
from review_app.processes import wait_for
from review_app.services.integrations.run_sweeper import sweep_stuck_runs
from support.github_standin import GitHubStandIn
from support.github_webhooks import comment_event, pull_request_event
from support.http_standin import Hold
from tests.api.conftest import pull_request_runs, run_outcomes, runs_ended
from tests.api.github_pulls import BASE, HEAD, SECRET, TOKEN, deliver, summaries
from tests.conftest import RUN_DIR, started_worker

CELERY_QUEUE = "celery"


def test_a_run_that_lost_its_records_after_posting_posts_nothing_twice(
    api: TestClient, github_admin: dict, github: GitHubStandIn, two_workers: None
) -> None:
    pull = github.open_pull_request(13, BASE, HEAD)
    assert deliver(api, pull_request_event("opened", pull), "pull_request").status_code == 202
    wait_for(lambda: runs_ended(1), timeout=120, what="the first review")
    posted = len(github.comments_on(13))
    with session_scope() as session:  # as if the worker died between posting and recording
        for row in session.exec(select(PostedComment)).all():
            session.delete(row)

    assert deliver(api, comment_event(13, "/review"), "issue_comment").status_code == 202
    wait_for(lambda: runs_ended(2), timeout=120, what="the review asked for again")

    assert run_outcomes() == [("published", None)] * 2
    assert len(github.comments_on(13)) == posted
    assert len(summaries(github)) == 1
    assert github.violations == []


def _process_on_port(worker_pid: int, port: int) -> psutil.Process:
    """The worker's pool process whose connection leaves from local `port`."""
    for child in psutil.Process(worker_pid).children(recursive=True):
        if any(c.laddr.port == port for c in child.net_connections("tcp")):
            return child
    raise AssertionError(f"no process of worker {worker_pid} uses port {port}")


def test_a_worker_killed_while_posting_leaves_one_review_summary_and_status(
    api: TestClient, github_admin: dict, github: GitHubStandIn, redis_client
) -> None:
    held = github.hold(Hold("POST", "/reviews"))  # GitHub has the comments; the answer waits
    pull = github.open_pull_request(15, BASE, HEAD)
    with started_worker(redis_client, concurrency=2) as worker:
        assert deliver(api, pull_request_event("opened", pull), "pull_request").status_code == 202
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
    assert len(summaries(github)) == 1
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
    api: TestClient, github_admin: dict, github: GitHubStandIn, redis_client
) -> None:
    pull = github.open_pull_request(17, BASE, HEAD)
    assert deliver(api, pull_request_event("opened", pull), "pull_request").status_code == 202
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
    assert len(summaries(github)) == 1
    assert len(github.statuses) == 2
    assert github.violations == []
