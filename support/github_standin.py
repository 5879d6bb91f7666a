"""A local stand-in for GitHub's REST API, for tests: one repository's pull requests, files,
reviews, comments and commit statuses, served over real HTTP on 127.0.0.1.

Every request is checked against GitHub's published OpenAPI description (support.openapi_check):
an operation GitHub does not have, an unknown query parameter or a body its schema refuses is
answered 422 and recorded in `violations`, which tests assert stays empty. Answers are GitHub's
own examples from that description with the test's data put in, checked against the response
schemas as well. Faults are scripted: a revoked token (401), an outage (503), a rate limit
(403 with `x-ratelimit-remaining: 0` and a reset time).
"""

import base64
import difflib
import hashlib
import itertools
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import jwt

from support.http_standin import Answer, HttpStandIn
from support.openapi_check import ApiDescription, Operation, github_description

OWNER, REPO = "octo-shop", "storefront"
PAGE_SIZE_DEFAULT = 30


def commit_sha(files: dict[str, str], parent: str = "") -> str:
    """A commit id for a version of the files."""
    text = parent + json.dumps(files, sort_keys=True)
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()


def patch_of(base: str | None, head: str | None) -> str:
    """The `patch` GitHub gives for a file: its unified diff without the file header lines."""
    before = (base or "").splitlines()
    after = (head or "").splitlines()
    lines = list(difflib.unified_diff(before, after, lineterm="", n=3))
    return "\n".join(lines[2:])


def diff_lines(base: str | None, head: str | None) -> set[int]:
    """The head version's lines (1-based) inside the diff's hunks: the lines GitHub lets a
    review comment on."""
    matcher = difflib.SequenceMatcher(
        a=(base or "").splitlines(), b=(head or "").splitlines(), autojunk=False
    )
    return {
        line + 1
        for group in matcher.get_grouped_opcodes(3)
        for _, _, _, first, last in group
        for line in range(first, last)
    }


@dataclass(frozen=True)
class GitHubApp:
    """A GitHub App the stand-in knows: its id, public key (PEM) and installation."""

    app_id: str
    public_key: str
    installation_id: int


@dataclass
class PullRequest:
    """A pull request: its base files, and its head files after each push."""

    number: int
    base: dict[str, str]
    head: dict[str, str]
    base_sha: str = ""
    head_sha: str = ""

    def __post_init__(self) -> None:
        self.base_sha = commit_sha(self.base)
        self.head_sha = commit_sha(self.head, self.base_sha)

    def changed(self) -> list[str]:
        """The paths whose text differs, sorted."""
        paths = self.base.keys() | self.head.keys()
        return sorted(path for path in paths if self.base.get(path) != self.head.get(path))


class GitHubStandIn(HttpStandIn):
    """The stand-in; `with GitHubStandIn(token) as github: ...` serves it on a free port."""

    def __init__(self, token: str, app: "GitHubApp | None" = None) -> None:
        super().__init__(token)
        self.app = app  # given: installation tokens are `token`, issued to the app's JWT
        self.description: ApiDescription = github_description()
        self.pulls: dict[int, PullRequest] = {}
        self.reviews: list[dict[str, Any]] = []
        self.review_comments: dict[int, dict[str, Any]] = {}
        self.issue_comments: dict[int, dict[str, Any]] = {}
        self.statuses: list[dict[str, Any]] = []
        self.requests: list[tuple[str, str]] = []
        self._ids = itertools.count(1001)

    def open_pull_request(
        self, number: int, base: dict[str, str], head: dict[str, str]
    ) -> PullRequest:
        """A pull request changing `base` into `head`."""
        self.pulls[number] = PullRequest(number, dict(base), dict(head))
        return self.pulls[number]

    def push(self, number: int, changes: dict[str, str | None]) -> str:
        """New commits on the pull request's branch (None removes a file); the new head sha."""
        pull = self.pulls[number]
        for path, text in changes.items():
            if text is None:
                pull.head.pop(path, None)
            else:
                pull.head[path] = text
        pull.head_sha = commit_sha(pull.head, pull.head_sha)
        return pull.head_sha

    def comments_on(self, number: int) -> list[dict[str, Any]]:
        """The inline comments on a pull request, oldest first."""
        return [c for c in self.review_comments.values() if c["pull_number"] == number]

    def handle(
        self, method: str, target: str, headers: dict[str, str], raw: bytes
    ) -> tuple[int, dict, Any]:
        """One request: checked, then answered (status, headers, JSON)."""
        url = urlsplit(target)
        query = dict(parse_qsl(url.query))
        self.requests.append((method, url.path))
        body = json.loads(raw) if raw else None
        operation = self.description.operation(method, url.path)
        if operation is None:
            return self._violation(f"{method} {url.path}: no such operation in GitHub's API")
        problems = self.description.request_problems(operation, query, body)
        if problems:
            return self._violation(f"{method} {operation.template}: " + "; ".join(problems))
        if operation.template == "/app/installations/{installation_id}/access_tokens":
            return self._installation_token(operation, headers.get("authorization", ""))
        if headers.get("authorization", "") not in (f"token {self.token}", f"Bearer {self.token}"):
            return 401, {}, {"message": "Bad credentials", "status": "401"}
        if fault := self._scripted_fault():
            return fault
        with self._lock:
            status, answer = self._answer(operation, query, body)
        extra = self._link(operation, query) if status == 200 else {}
        problems = self.description.answer_problems(operation, status, answer)
        if problems:
            self.violations.append(f"answer of {operation.template}: " + "; ".join(problems[:3]))
        return status, extra, answer

    def _installation_token(self, operation: Operation, authorization: str) -> Answer:
        """An installation token for the app's JWT (RS256, signed with its private key)."""
        app = self.app
        installation = int(operation.path_params["installation_id"])
        try:
            claims = jwt.decode(
                authorization.removeprefix("Bearer "), app.public_key, algorithms=["RS256"]
            )
        except (AttributeError, jwt.PyJWTError):
            return 401, {}, {"message": "A JSON web token could not be decoded", "status": "401"}
        if str(claims.get("iss")) != app.app_id or installation != app.installation_id:
            return 404, {}, {"message": "Not Found", "status": "404"}
        answer = self.description.example("installation-token")
        answer["token"] = self.token
        answer["expires_at"] = "2099-01-01T00:00:00Z"
        return 201, {}, answer

    def _violation(self, problem: str) -> tuple[int, dict, Any]:
        self.violations.append(problem)
        return 422, {}, {"message": f"Validation Failed: {problem}"}

    def _answer(self, operation: Operation, query: dict, body: Any) -> tuple[int, Any]:
        params = operation.path_params
        if (params.get("owner"), params.get("repo")) != (OWNER, REPO):
            return 404, {"message": "Not Found"}
        handler = _HANDLERS.get((operation.method, operation.template))
        if handler is None:
            self.violations.append(f"{operation.method} {operation.template}: not in the stand-in")
            return 404, {"message": "Not Found"}
        return handler(self, params, query, body)

    def _link(self, operation: Operation, query: dict) -> dict[str, str]:
        """The Link header of a page of pull request files, when more follow."""
        if not operation.template.endswith("/files"):
            return {}
        pull = self.pulls[int(operation.path_params["pull_number"])]
        per_page = int(query.get("per_page", PAGE_SIZE_DEFAULT))
        page = int(query.get("page", 1))
        if page * per_page >= len(pull.changed()):
            return {}
        path = f"/repos/{OWNER}/{REPO}/pulls/{pull.number}/files"
        return {"Link": f'<{self.api_url}{path}?per_page={per_page}&page={page + 1}>; rel="next"'}

    # The operations review_app uses, each from GitHub's example of its answer.

    def get_pull(self, params: dict, _query: dict, _body: Any) -> tuple[int, Any]:
        pull = self.pulls.get(int(params["pull_number"]))
        if pull is None:
            return 404, {"message": "Not Found"}
        answer = self.description.example("pull-request")
        answer["number"], answer["changed_files"] = pull.number, len(pull.changed())
        answer["requested_teams"] = []  # GitHub's example team lacks a field its schema requires
        answer["head"]["sha"], answer["base"]["sha"] = pull.head_sha, pull.base_sha
        return 200, answer

    def list_files(self, params: dict, query: dict, _body: Any) -> tuple[int, Any]:
        pull = self.pulls[int(params["pull_number"])]
        per_page = int(query.get("per_page", PAGE_SIZE_DEFAULT))
        page = int(query.get("page", 1))
        template = self.description.example("diff-entry-items")[0]
        entries = []
        for path in pull.changed()[(page - 1) * per_page : page * per_page]:
            base, head = pull.base.get(path), pull.head.get(path)
            status = "added" if base is None else "removed" if head is None else "modified"
            patch = patch_of(base, head)
            additions = sum(1 for line in patch.splitlines() if line.startswith("+"))
            deletions = sum(1 for line in patch.splitlines() if line.startswith("-"))
            entries.append(
                {
                    **template,
                    "filename": path,
                    "status": status,
                    "additions": additions,
                    "deletions": deletions,
                    "changes": additions + deletions,
                    "patch": patch,
                }
            )
        return 200, entries

    def get_content(self, params: dict, query: dict, _body: Any) -> tuple[int, Any]:
        ref, path = query.get("ref", ""), params["path"]
        versions = [p.base for p in self.pulls.values() if p.base_sha == ref]
        versions += [p.head for p in self.pulls.values() if p.head_sha == ref]
        text = next((files[path] for files in versions if path in files), None)
        if text is None:
            return 404, {"message": "Not Found"}
        answer = self.description.example("content-file-response-if-content-is-a-file")
        answer.update(
            name=path.rsplit("/", 1)[-1],
            path=path,
            size=len(text.encode()),
            content=base64.b64encode(text.encode()).decode(),
            encoding="base64",
        )
        return 200, answer

    def create_review(self, params: dict, _query: dict, body: dict) -> tuple[int, Any]:
        number = int(params["pull_number"])
        pull = self.pulls[number]
        review = self.description.example("pull-request-review")
        review["id"], review["commit_id"] = next(self._ids), body.get("commit_id", pull.head_sha)
        review["body"], review["state"] = body.get("body", ""), "COMMENTED"
        self.reviews.append({**body, "id": review["id"], "pull_number": number})
        for comment in body.get("comments", []):
            if comment["line"] not in diff_lines(
                pull.base.get(comment["path"]), pull.head.get(comment["path"])
            ):
                return 422, {"message": "Validation Failed: line must be part of the diff"}
            comment_id = next(self._ids)
            self.review_comments[comment_id] = {
                **comment,
                "id": comment_id,
                "pull_number": number,
                "review_id": review["id"],
                "commit_id": review["commit_id"],
            }
        return 200, review

    def list_review_comments(self, params: dict, _query: dict, _body: Any) -> tuple[int, Any]:
        review_id = int(params["review_id"])
        template = self.description.example("review-comment-items")[0]
        made = [c for c in self.review_comments.values() if c["review_id"] == review_id]
        return 200, [
            {
                **template,
                "id": c["id"],
                "pull_request_review_id": review_id,
                "path": c["path"],
                "line": c["line"],
                "body": c["body"],
            }
            for c in made
        ]

    def list_pull_comments(self, params: dict, _query: dict, _body: Any) -> tuple[int, Any]:
        template = self.description.example("pull-request-review-comment-items")[0]
        comments = self.comments_on(int(params["pull_number"]))
        return 200, [
            {**template, "id": c["id"], "path": c["path"], "line": c["line"], "body": c["body"]}
            for c in comments
        ]

    def list_issue_comments(self, params: dict, _query: dict, _body: Any) -> tuple[int, Any]:
        template = self.description.example("issue-comment-items")[0]
        number = int(params["issue_number"])
        made = [c for c in self.issue_comments.values() if c["number"] == number]
        return 200, [{**template, "id": c["id"], "body": c["body"]} for c in made]

    def update_review_comment(self, params: dict, _query: dict, body: dict) -> tuple[int, Any]:
        comment = self.review_comments.get(int(params["comment_id"]))
        if comment is None:
            return 404, {"message": "Not Found"}
        comment["body"] = body["body"]
        answer = self.description.example("pull-request-review-comment-2")
        answer.update(id=comment["id"], path=comment["path"], body=comment["body"])
        return 200, answer

    def create_issue_comment(self, params: dict, _query: dict, body: dict) -> tuple[int, Any]:
        comment_id = next(self._ids)
        number = int(params["issue_number"])
        self.issue_comments[comment_id] = {"id": comment_id, "number": number, "body": body["body"]}
        answer = self.description.example("issue-comment")
        answer.update(id=comment_id, body=body["body"])
        return 201, answer

    def update_issue_comment(self, params: dict, _query: dict, body: dict) -> tuple[int, Any]:
        comment = self.issue_comments.get(int(params["comment_id"]))
        if comment is None:
            return 404, {"message": "Not Found"}
        comment["body"] = body["body"]
        answer = self.description.example("issue-comment")
        answer.update(id=comment["id"], body=comment["body"])
        return 200, answer

    def create_status(self, params: dict, _query: dict, body: dict) -> tuple[int, Any]:
        self.statuses.append({**body, "sha": params["sha"]})
        answer = self.description.example("status")
        answer.update(
            state=body["state"],
            description=body.get("description"),
            context=body.get("context", "default"),
        )
        return 201, answer


_HANDLERS = {
    ("GET", "/repos/{owner}/{repo}/pulls/{pull_number}"): GitHubStandIn.get_pull,
    ("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/files"): GitHubStandIn.list_files,
    ("GET", "/repos/{owner}/{repo}/contents/{path}"): GitHubStandIn.get_content,
    ("POST", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews"): GitHubStandIn.create_review,
    (
        "GET",
        "/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments",
    ): GitHubStandIn.list_review_comments,
    (
        "PATCH",
        "/repos/{owner}/{repo}/pulls/comments/{comment_id}",
    ): GitHubStandIn.update_review_comment,
    (
        "POST",
        "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    ): GitHubStandIn.create_issue_comment,
    (
        "PATCH",
        "/repos/{owner}/{repo}/issues/comments/{comment_id}",
    ): GitHubStandIn.update_issue_comment,
    ("POST", "/repos/{owner}/{repo}/statuses/{sha}"): GitHubStandIn.create_status,
    (
        "GET",
        "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    ): GitHubStandIn.list_issue_comments,
    (
        "GET",
        "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
    ): GitHubStandIn.list_pull_comments,
}
