"""GitHub's REST API through githubkit: a pull request's changed files in both versions, and the
review posted back (inline comments, the summary comment edited in place, a commit status).

Answers are read as JSON for the few fields used: githubkit's models follow one dated version
of GitHub's schema, and a GitHub Enterprise server answers in its own.

githubkit retries what GitHub asks to be retried: a rate limit after its `Retry-After` or reset
time, a server error with backoff. What is left is a `HostError` (passing: retry the run later)
or a `HostRefusedError` (a revoked token, a repository gone: retrying will not help).
"""

import base64
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus

from githubkit import AppInstallationAuthStrategy, GitHub, Response, TokenAuthStrategy
from githubkit.exception import GitHubException, RequestFailed
from githubkit.retry import RetryChainDecision, RetryRateLimit, RetryServerError

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
FILES_PER_PAGE = 100
STATUS_CONTEXT = "review_app"


@contextmanager
def _github(secrets: ConnectionSecrets) -> Iterator[GitHub]:
    """A client for the connection, its failures turned into ours."""
    secret = secrets.token.get_secret_value()
    auth = (
        AppInstallationAuthStrategy(secrets.app_id, secret, secrets.installation_id)
        if secrets.app_id and secrets.installation_id
        else TokenAuthStrategy(secret)
    )
    github = GitHub(
        auth,
        base_url=f"{secrets.api_url}/",
        timeout=TIMEOUT_SECONDS,
        http_cache=False,
        auto_retry=RetryChainDecision(RetryRateLimit(max_retry=3), RetryServerError(max_retry=2)),
    )
    try:
        with github:
            yield github
    except RequestFailed as error:
        status = error.response.status_code
        message = f"GitHub answered {status} to {error.request.method} {error.request.url.path}"
        raise (HostRefusedError if status in (401, 403, 404, 422) else HostError)(message) from None
    except GitHubException as error:
        raise HostError(f"GitHub could not be reached: {error!r}") from None


def _owner_repo(secrets: ConnectionSecrets) -> tuple[str, str]:
    owner, _, repo = secrets.repository.partition("/")
    return owner, repo


def fetch_change(secrets: ConnectionSecrets, number: int, max_files: int) -> PullRequestChange:
    """The pull request's commits and its first `max_files` changed files, in both versions."""
    owner, repo = _owner_repo(secrets)
    with _github(secrets) as github:
        pull = github.rest.pulls.get(owner, repo, number).json()
        head_sha, base_sha = pull["head"]["sha"], pull["base"]["sha"]
        entries = []
        for entry in github.rest.paginate(
            github.rest.pulls.list_files,
            _json_list,
            owner=owner,
            repo=repo,
            pull_number=number,
            per_page=FILES_PER_PAGE,
        ):
            entries.append(entry)
            if len(entries) >= max_files:
                break
        files = [
            ChangedFile(
                path=entry["filename"],
                base_text=None
                if entry["status"] == "added"
                else _text_at(
                    github,
                    owner,
                    repo,
                    entry.get("previous_filename") or entry["filename"],
                    base_sha,
                ),
                head_text=None
                if entry["status"] == "removed"
                else _text_at(github, owner, repo, entry["filename"], head_sha),
                patch=entry.get("patch") or "",
            )
            for entry in entries
        ]
        settings = {
            name: text
            for name in SETTINGS_FILES
            if (text := _text_if_there(github, owner, repo, name, head_sha)) is not None
        }
    return PullRequestChange(number, head_sha, base_sha, files, pull["changed_files"], settings)


def _text_if_there(github: GitHub, owner: str, repo: str, path: str, ref: str) -> str | None:
    """A file's text at a commit, None when there is no such file (or it is not text)."""
    try:
        return _text_at(github, owner, repo, path, ref)
    except RequestFailed as error:
        if error.response.status_code == HTTPStatus.NOT_FOUND:
            return None
        raise


def _text_at(github: GitHub, owner: str, repo: str, path: str, ref: str) -> str | None:
    """A file's text at a commit (None: not a UTF-8 text file, e.g. binary or a folder)."""
    content = github.rest.repos.get_content(owner, repo, path, ref=ref).json()
    encoded = content.get("content") if isinstance(content, dict) else None
    if not isinstance(encoded, str):
        return None
    try:
        return base64.b64decode(encoded).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None


def post_review(
    secrets: ConnectionSecrets, number: int, head_sha: str, comments: list[InlineComment]
) -> list[PostedThread]:
    """One review on the head commit with `comments`; the comments it made, in order."""
    if not comments:
        return []
    owner, repo = _owner_repo(secrets)
    with _github(secrets) as github:
        review = github.rest.pulls.create_review(
            owner,
            repo,
            number,
            commit_id=head_sha,
            event="COMMENT",
            body="",
            comments=[
                {"path": c.path, "line": c.line, "side": "RIGHT", "body": c.body} for c in comments
            ],
        ).json()
        made = github.rest.pulls.list_comments_for_review(
            owner, repo, number, review["id"], per_page=FILES_PER_PAGE
        ).json()
    by_place = {(comment["path"], comment["line"]): comment["id"] for comment in made}
    return [PostedThread(by_place.get((c.path, c.line), 0)) for c in comments]


def _comment(comment: InlineComment) -> dict:
    """A review comment on the right (head) side, over several lines when it has a start."""
    lines = {"line": comment.line, "side": "RIGHT"}
    if comment.start_line is not None:
        lines |= {"start_line": comment.start_line, "start_side": "RIGHT"}
    return {"path": comment.path, "body": comment.body, **lines}


def comments_on(secrets: ConnectionSecrets, number: int) -> tuple[list[OnTheHost], list[OnTheHost]]:
    """Every inline review comment and every conversation comment on the pull request."""
    owner, repo = _owner_repo(secrets)
    pages = {"owner": owner, "repo": repo, "per_page": FILES_PER_PAGE}
    with _github(secrets) as github:
        inline = github.rest.paginate(
            github.rest.pulls.list_review_comments, _json_list, pull_number=number, **pages
        )
        conversation = github.rest.paginate(
            github.rest.issues.list_comments, _json_list, issue_number=number, **pages
        )
        return (
            [OnTheHost(PostedThread(c["id"]), c["body"] or "") for c in inline],
            [OnTheHost(PostedThread(c["id"]), c.get("body") or "") for c in conversation],
        )


def _json_list(response: Response) -> list:
    """A page of a list, as JSON (see the module's note on githubkit's models)."""
    return response.json()


def mark_comment_fixed(
    secrets: ConnectionSecrets, number: int, thread: PostedThread, body: str
) -> None:
    """Rewrite an inline comment whose finding the latest commits fixed."""
    del number  # a GitHub review comment is named by its id alone
    owner, repo = _owner_repo(secrets)
    with _github(secrets) as github:
        github.rest.pulls.update_review_comment(owner, repo, thread.comment_id, body=body)


def upsert_summary(
    secrets: ConnectionSecrets, number: int, comment_id: int | None, body: str
) -> int:
    """Write the summary comment: edit the one posted before, else post it; its id."""
    owner, repo = _owner_repo(secrets)
    with _github(secrets) as github:
        if comment_id:
            github.rest.issues.update_comment(owner, repo, comment_id, body=body)
            return comment_id
        return github.rest.issues.create_comment(owner, repo, number, body=body).json()["id"]


def set_status(
    secrets: ConnectionSecrets, head_sha: str, passed: bool, description: str, target_url: str
) -> None:
    """The commit status that passes or fails the pull request's check."""
    owner, repo = _owner_repo(secrets)
    with _github(secrets) as github:
        link = {"target_url": target_url} if target_url else {}
        github.rest.repos.create_commit_status(
            owner,
            repo,
            head_sha,
            state="success" if passed else "failure",
            description=description[:140],
            context=STATUS_CONTEXT,
            **link,
        )
