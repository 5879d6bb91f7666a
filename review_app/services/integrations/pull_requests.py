"""A pull request's review: read the change from the host, review it as a change review (the
changed files' base versions against their head versions), then post what it found: inline
comments on new findings (each finding once), the summary edited in place, a commit status.

Each step is safe to repeat (a worker may die mid-way and the task run again): a run starts its
review once, and comments already posted are recorded by fingerprint before the next is sent.
"""

import uuid
from types import ModuleType

from sqlmodel import Session, select

from review_app.db import session_scope
from review_app.models import (
    CodeHost,
    PostedComment,
    ProjectReview,
    PullRequestRun,
    PullRequestRunStatus,
    RepositoryConnection,
    ReviewStatus,
    utcnow,
)
from review_app.review.change_summary import ChangedFileFindings
from review_app.review.errors import InvalidSubmissionError
from review_app.review.fingerprints import Located
from review_app.review.models import Finding
from review_app.services.integrations import github_api, gitlab_api
from review_app.services.integrations.connections import (
    ConnectionSecrets,
    record_host_error,
    secrets_of,
)
from review_app.services.integrations.hosts import (
    HostError,
    InlineComment,
    PostedThread,
    PullRequestChange,
)
from review_app.services.integrations.pr_comments import (
    FIXED_MARK,
    SUMMARY_MARK,
    SummaryFacts,
    commentable_lines,
    fingerprint_in,
    fixed_body,
    inline_body,
    suggestion,
    summary_body,
)
from review_app.services.projects.reviewing import start_project_review
from review_app.services.projects.settings_files import project_settings
from review_app.services.projects.store import store_project
from review_app.services.projects.unpacking import UnpackedFile, UnpackedProject
from review_app.services.reviews.project_changes import changed_files, file_versions
from review_app.settings import get_settings
from review_app.work_queue.enqueue import enqueue_pull_request_run

SUMMARY = "summary"  # the fingerprint the summary comment is recorded under
SUMMARY_ROW = InlineComment(path="", line=0, body="")  # its record: edited in place, never fixed
PUBLISH_DELAY_SECONDS = 2.0
_SEVERITY_ORDER = ["info", "low", "medium", "high", "critical"]


def review_pull_request(run_id: uuid.UUID) -> None:
    """Read the pull request and start its change review; the run then waits to be published.

    Raises:
        HostError: the host failed or refused (HostRefusedError); the run says why.
    """
    with session_scope() as session:
        run, secrets = _run_and_secrets(session, run_id)
        if run.status != PullRequestRunStatus.QUEUED:
            return  # started before this delivery of the task
        number = run.number
    change = _read(secrets, number)
    note = None
    if change.changed_files > len(change.files):
        note = f"Reviewed the first {len(change.files)} of {change.changed_files} changed files."
    name = f"{secrets.repository}#{number}"
    base_id = _store(secrets, f"{name} base {change.base_sha[:7]}", change, head=False)
    head_id = _store(secrets, f"{name} at {change.head_sha[:7]}", change, head=True)
    try:
        started = start_project_review(
            user_id=secrets.user_id,
            project_id=head_id,
            base_project_id=base_id,
            rate_limited=False,
        )
        review_id = started.id
    except InvalidSubmissionError:  # no changed file in a language review_app reviews
        review_id = None
        note = "No changed file is in a language review_app reviews."
    with session_scope() as session:
        run = session.get(PullRequestRun, run_id)
        run.head_sha, run.note, run.project_review_id = change.head_sha, note, review_id
        run.patches = {file.path: file.patch for file in change.files}
        run.status, run.queued_at = PullRequestRunStatus.REVIEWING, utcnow()
        session.add(run)
    enqueue_pull_request_run(run_id, publish=True, delay=PUBLISH_DELAY_SECONDS)


def publish_pull_request(run_id: uuid.UUID) -> bool:
    """Post the run's outcome once its review has ended; False while it is still running.

    Raises:
        HostError: the host failed or refused (HostRefusedError); the run says why.
    """
    with session_scope() as session:
        run, secrets = _run_and_secrets(session, run_id)
        if run.status != PullRequestRunStatus.REVIEWING:
            return True
        review = (
            session.get(ProjectReview, run.project_review_id) if run.project_review_id else None
        )
        if review is not None and review.status == ReviewStatus.RUNNING:
            return False
        changes = changed_files(session, review) if review is not None else []
        heads = file_versions(session, review.id) if review is not None else {}
        number, head_sha, note, patches = run.number, run.head_sha, run.note, run.patches
        score = review.score if review is not None else None
        configured = project_settings(session, review.project_id) if review is not None else None
    fail_on = (configured and configured.config.gate.fail_on) or secrets.fail_on
    new = [_NewFinding.of(change, heads) for change in changes]
    try:
        posted = _recover(secrets, number)
        comments, outside = _comments(new, patches, posted, secrets)
        api = _api(secrets)
        threads = api.post_review(secrets, number, head_sha, [c for _, c in comments])
        _record(secrets.connection_id, number, comments, threads)
        current = {fingerprint for item in new for fingerprint in item.fingerprints}
        _mark_fixed(secrets, number, head_sha, posted, current)
        findings = [finding for item in new for finding in item.findings]
        failing = _rank(fail_on.value)
        passed = not any(_rank(finding.severity.value) >= failing for finding in findings)
        facts = SummaryFacts(
            new=findings,
            fixed=sum(len(change.fixed) for change in changes),
            score=score,
            passed=passed,
            fail_on=fail_on,
            outside_diff=outside,
            note=note,
            review_link=_review_link(run_id),
        )
        before = posted.get(SUMMARY)
        summary_id = api.upsert_summary(
            secrets, number, before[0].comment_id if before else None, summary_body(facts)
        )
        _record(secrets.connection_id, number, [(SUMMARY, SUMMARY_ROW)], [PostedThread(summary_id)])
        verdict = f"{len(findings)} new findings" + ("" if passed else f", fails on {fail_on}")
        api.set_status(secrets, head_sha, passed, verdict, _review_link(run_id))
    except HostError as error:
        record_host_error(secrets.connection_id, str(error))
        raise
    record_host_error(secrets.connection_id, None)
    _finish(run_id, PullRequestRunStatus.PUBLISHED)
    return True


def fail_run(run_id: uuid.UUID, error: str) -> None:
    """Give up on a run (the host kept failing, or refused): the admin page says why."""
    with session_scope() as session:
        run = session.get(PullRequestRun, run_id)
        if run is not None:
            run.error = error
            session.add(run)
    _finish(run_id, PullRequestRunStatus.FAILED)


class _NewFinding:
    """A changed file's new findings, each with its fingerprint, in the head version."""

    def __init__(self, path: str, findings: list[Finding], code: str) -> None:
        self.path, self.code = path, code
        located = Located.all_in(findings, code)
        self.findings = findings
        self.fingerprints = [item.fingerprint() for item in located]

    @classmethod
    def of(cls, change: ChangedFileFindings, heads: dict) -> "_NewFinding":
        head = heads.get(change.path)
        return cls(change.path, change.new, head.code if head is not None else "")


def _run_and_secrets(
    session: Session, run_id: uuid.UUID
) -> tuple[PullRequestRun, ConnectionSecrets]:
    run = session.get(PullRequestRun, run_id)
    connection = session.get(RepositoryConnection, run.connection_id) if run else None
    if run is None or connection is None:
        raise LookupError(f"pull request run {run_id} is gone")
    return run, secrets_of(connection)


def _read(secrets: ConnectionSecrets, number: int) -> PullRequestChange:
    try:
        change = _api(secrets).fetch_change(secrets, number, secrets.max_files)
    except HostError as error:
        record_host_error(secrets.connection_id, str(error))
        raise
    record_host_error(secrets.connection_id, None)
    return change


def _store(
    secrets: ConnectionSecrets, name: str, change: PullRequestChange, head: bool
) -> uuid.UUID:
    """One version of the changed files as a project of the connection's user, with the
    head's settings files at its root (one the change touches keeps its own version)."""
    texts = {
        **change.settings_files,
        **{file.path: file.head_text if head else file.base_text for file in change.files},
    }
    unpacked = UnpackedProject(
        files=[UnpackedFile.of(path, text) for path, text in texts.items() if text is not None]
    )
    unpacked.total_bytes = sum(file.size for file in unpacked.files)
    stored = store_project(
        user_id=secrets.user_id, name=name[:100], unpacked=unpacked, rate_limited=False
    )
    return stored.id


def _api(secrets: ConnectionSecrets) -> ModuleType:
    """The module speaking to the connection's host."""
    return gitlab_api if secrets.host == CodeHost.GITLAB else github_api


def _recover(secrets: ConnectionSecrets, number: int) -> dict[str, tuple[PostedThread, str]]:
    """What was posted on the pull request before and is not fixed: fingerprint -> (thread,
    body). Comments the host has but the records lack (a run that died right after posting)
    are recorded first, found by their marks, so nothing is posted twice."""
    inline, conversation = _api(secrets).comments_on(secrets, number)
    on_host = [(fingerprint_in(c.body), c) for c in inline]
    on_host += [(SUMMARY, c) for c in conversation if c.body.startswith(SUMMARY_MARK)][:1]
    with session_scope() as session:
        rows = session.exec(
            select(PostedComment).where(
                PostedComment.connection_id == secrets.connection_id,
                PostedComment.number == number,
            )
        ).all()
        known = {row.fingerprint for row in rows}
        for fingerprint, comment in on_host:
            if fingerprint and fingerprint not in known:
                row = PostedComment(
                    connection_id=secrets.connection_id,
                    number=number,
                    fingerprint=fingerprint,
                    comment_id=comment.thread.comment_id,
                    thread_id=comment.thread.thread_id,
                    body=comment.body,
                    fixed=comment.body.startswith(FIXED_MARK),
                )
                session.add(row)
                rows.append(row)
                known.add(fingerprint)
        return {
            row.fingerprint: (PostedThread(row.comment_id, row.thread_id), row.body)
            for row in rows
            if not row.fixed
        }


def _comments(
    new: list[_NewFinding],
    patches: dict[str, str],
    posted: dict[str, tuple[PostedThread, str]],
    secrets: ConnectionSecrets,
) -> tuple[list[tuple[str, InlineComment]], int]:
    """The inline comments to post (fingerprint, comment), and how many new findings sit
    outside the diff's lines (told in the summary instead)."""
    comments, outside = [], 0
    for item in new:
        lines = commentable_lines(patches.get(item.path, ""))
        for finding, fingerprint in zip(item.findings, item.fingerprints, strict=True):
            if fingerprint in posted:
                continue
            if finding.line not in lines:
                outside += 1
                continue
            fix = suggestion(finding, item.code, lines)
            body = inline_body(
                finding,
                fingerprint,
                _rule_link(finding.rule),
                fix,
                lines_above_in_header=secrets.host == CodeHost.GITLAB,
            )
            line, start = (fix.end, fix.start) if fix else (finding.line, finding.line)
            comments.append(
                (fingerprint, InlineComment(item.path, line, body, start if start < line else None))
            )
    return comments, outside


def _record(
    connection_id: uuid.UUID,
    number: int,
    comments: list[tuple[str, InlineComment]],
    threads: list[PostedThread],
) -> None:
    with session_scope() as session:
        for (fingerprint, comment), thread in zip(comments, threads, strict=True):
            row = session.exec(
                select(PostedComment).where(
                    PostedComment.connection_id == connection_id,
                    PostedComment.number == number,
                    PostedComment.fingerprint == fingerprint,
                )
            ).first() or PostedComment(
                connection_id=connection_id, number=number, fingerprint=fingerprint, comment_id=0
            )
            row.comment_id, row.thread_id = thread.comment_id, thread.thread_id
            row.path, row.body = comment.path, comment.body
            session.add(row)


def _mark_fixed(
    secrets: ConnectionSecrets,
    number: int,
    head_sha: str,
    posted: dict[str, tuple[PostedThread, str]],
    current: set[str],
) -> None:
    """Comments on findings the latest commits no longer have: marked fixed, once."""
    for fingerprint, (thread, body) in posted.items():
        if fingerprint == SUMMARY or fingerprint in current or not thread.comment_id:
            continue
        _api(secrets).mark_comment_fixed(secrets, number, thread, fixed_body(body, head_sha))
        with session_scope() as session:
            row = session.exec(
                select(PostedComment).where(
                    PostedComment.connection_id == secrets.connection_id,
                    PostedComment.number == number,
                    PostedComment.fingerprint == fingerprint,
                )
            ).one()
            row.fixed = True
            session.add(row)


def _finish(run_id: uuid.UUID, status: PullRequestRunStatus) -> None:
    with session_scope() as session:
        run = session.get(PullRequestRun, run_id)
        if run is not None:
            run.status, run.finished_at = status, utcnow()
            session.add(run)


def _rank(severity: str) -> int:
    return _SEVERITY_ORDER.index(severity)


def _site() -> str:
    origins = get_settings().effective_origins
    return origins[0].rstrip("/") if origins else ""


def _rule_link(rule: str | None) -> str:
    return f"{_site()}/rules/{rule}" if rule and _site() else ""


def _review_link(run_id: uuid.UUID) -> str:
    with session_scope() as session:
        run = session.get(PullRequestRun, run_id)
        review = (
            session.get(ProjectReview, run.project_review_id)
            if run and run.project_review_id
            else None
        )
        return f"{_site()}/projects/{review.project_id}" if review and _site() else ""
