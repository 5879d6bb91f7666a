"""GitLab's REST API through python-gitlab: a merge request's changed files in both versions,
and the review posted back (a discussion per new finding on its line, with GitLab's suggestion
syntax; the summary note edited in place; a commit status named review_app).

python-gitlab waits out a 429 as GitLab asks (`Retry-After`, `RateLimit-Reset`) and retries
passing server errors; what is left is a `HostError` or, for a refusal, a `HostRefusedError`.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus

import gitlab
import requests
from gitlab.exceptions import GitlabError, GitlabGetError
from gitlab.v4.objects import Project

from review_app.review.project_settings import SETTINGS_FILES
from review_app.services.integrations.connections import ConnectionSecrets
from review_app.services.integrations.hosts import (
    ChangedFile,
    HostError,
    HostRefusedError,
    InlineComment,
    OnTheHost,
    PostedThread,
    PullRequestChange,
)

TIMEOUT_SECONDS = 30
STATUS_NAME = "review_app"
STATES = {True: "success", False: "failed"}


@contextmanager
def _project(secrets: ConnectionSecrets) -> Iterator[Project]:
    """The connection's project (not fetched: every call names it), failures turned into ours."""
    client = gitlab.Gitlab(
        secrets.api_url,
        private_token=secrets.token.get_secret_value(),
        timeout=TIMEOUT_SECONDS,
        retry_transient_errors=True,
    )
    try:
        with client:
            yield client.projects.get(secrets.repository, lazy=True)
    except GitlabError as error:
        status = error.response_code or 0
        message = f"GitLab answered {status}: {error.error_message}"
        raise (HostRefusedError if status in (401, 403, 404) else HostError)(message) from None
    except requests.RequestException as error:
        raise HostError(f"GitLab could not be reached: {error!r}") from None


def fetch_change(secrets: ConnectionSecrets, number: int, max_files: int) -> PullRequestChange:
    """The merge request's commits and its first `max_files` changed files, in both versions."""
    with _project(secrets) as project:
        request = project.mergerequests.get(number)
        changes = request.changes()
        refs = changes["diff_refs"]
        entries = changes["changes"]
        files = [
            ChangedFile(
                path=entry["new_path"],
                base_text=None
                if entry["new_file"]
                else _text_at(project, entry["old_path"], refs["base_sha"]),
                head_text=None
                if entry["deleted_file"]
                else _text_at(project, entry["new_path"], refs["head_sha"]),
                patch=entry.get("diff") or "",
            )
            for entry in entries[:max_files]
        ]
        settings = {
            name: text
            for name in SETTINGS_FILES
            if (text := _text_if_there(project, name, refs["head_sha"])) is not None
        }
    count = str(changes.get("changes_count") or len(entries)).rstrip("+")
    head, base = refs["head_sha"], refs["base_sha"]
    return PullRequestChange(number, head, base, files, int(count), settings)


def _text_if_there(project: Project, path: str, ref: str) -> str | None:
    """A file's text at a commit, None when there is no such file (or it is not text)."""
    try:
        return _text_at(project, path, ref)
    except GitlabGetError as error:
        if error.response_code == HTTPStatus.NOT_FOUND:
            return None
        raise


def _text_at(project: Project, path: str, ref: str) -> str | None:
    """A file's text at a commit (None: not UTF-8 text)."""
    try:
        return project.files.raw(file_path=path, ref=ref).decode("utf-8")
    except UnicodeDecodeError:
        return None


def post_review(
    secrets: ConnectionSecrets, number: int, head_sha: str, comments: list[InlineComment]
) -> list[PostedThread]:
    """A discussion on each comment's line of the head version; the threads made, in order."""
    posted = []
    with _project(secrets) as project:
        request = project.mergerequests.get(number)
        refs = request.diff_refs
        for comment in comments:
            position = {
                "position_type": "text",
                "base_sha": refs["base_sha"],
                "start_sha": refs["start_sha"],
                "head_sha": head_sha,
                "new_path": comment.path,
                "new_line": comment.line,  # a suggestion's own header says how many lines above
            }
            discussion = request.discussions.create({"body": comment.body, "position": position})
            posted.append(PostedThread(discussion.attributes["notes"][0]["id"], discussion.id))
    return posted


def comments_on(secrets: ConnectionSecrets, number: int) -> tuple[list[OnTheHost], list[OnTheHost]]:
    """Every diff discussion's first note, and every note, on the merge request."""
    with _project(secrets) as project:
        request = project.mergerequests.get(number, lazy=True)
        discussions = [
            OnTheHost(
                PostedThread(d.attributes["notes"][0]["id"], d.id), d.attributes["notes"][0]["body"]
            )
            for d in request.discussions.list(iterator=True)
            if d.attributes.get("notes")
        ]
        notes = [
            OnTheHost(PostedThread(note.id), note.body)
            for note in request.notes.list(iterator=True)
        ]
    return discussions, notes


def mark_comment_fixed(
    secrets: ConnectionSecrets, number: int, thread: PostedThread, body: str
) -> None:
    """Rewrite the finding's note and resolve its discussion."""
    with _project(secrets) as project:
        request = project.mergerequests.get(number, lazy=True)
        discussion = request.discussions.get(thread.thread_id, lazy=True)
        note = discussion.notes.get(thread.comment_id, lazy=True)
        note.body = body
        note.save()
        request.discussions.update(thread.thread_id, {"resolved": True})


def upsert_summary(
    secrets: ConnectionSecrets, number: int, comment_id: int | None, body: str
) -> int:
    """Write the summary note: edit the one posted before, else post it; its id."""
    with _project(secrets) as project:
        request = project.mergerequests.get(number, lazy=True)
        if comment_id:
            request.notes.update(comment_id, {"body": body})
            return comment_id
        return request.notes.create({"body": body}).id


def set_status(
    secrets: ConnectionSecrets, head_sha: str, passed: bool, description: str, target_url: str
) -> None:
    """The commit status that passes or fails the merge request's pipeline view."""
    status = {"state": STATES[passed], "name": STATUS_NAME, "description": description[:140]}
    if target_url:
        status["target_url"] = target_url
    with _project(secrets) as project:
        project.commits.get(head_sha, lazy=True).statuses.create(status)
