"""A local stand-in for GitLab's REST API (v4), for tests: one project's merge requests, files,
discussions, notes and commit statuses, served over real HTTP on 127.0.0.1.

GitLab's OpenAPI description does not install from the registries, so each operation review_app
uses is written down here as GitLab documents it (the page is cited with each), and every
request is checked against it: the route must be one of them, the body's fields known, the
required ones present, enumerated values valid. A request that is not is answered 400 and
recorded in `violations`, which tests assert stays empty. Faults are scripted as on GitHub's.
"""

import hashlib
import itertools
import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from support.github_standin import PullRequest, diff_lines, patch_of
from support.http_standin import Answer, HttpStandIn

PROJECT = "octo-shop/storefront"
PROJECT_ID = 77  # GitLab names a project by its path or its id
DOCS = "https://docs.gitlab.com/api"


@dataclass(frozen=True)
class Documented:
    """An operation as GitLab's documentation describes it."""

    method: str
    route: str  # a regex over the path after /api/v4
    doc: str
    required: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()
    enums: dict[str, frozenset] = field(default_factory=dict)
    nested: dict[str, "Documented"] = field(default_factory=dict)


_MR = r"/projects/(?P<project>[^/]+)/merge_requests/(?P<iid>\d+)"
POSITION = Documented(
    "",
    "",
    f"{DOCS}/discussions/#create-a-new-thread-in-the-merge-request-diff",
    required=frozenset({"base_sha", "start_sha", "head_sha", "position_type"}),
    optional=frozenset({"new_path", "old_path", "new_line", "old_line", "line_range"}),
    enums={"position_type": frozenset({"text", "image", "file"})},
)
OPERATIONS = [
    Documented("GET", _MR, f"{DOCS}/merge_requests/#get-single-mr"),
    Documented("GET", _MR + "/changes", f"{DOCS}/merge_requests/#get-single-merge-request-changes"),
    Documented(
        "GET",
        r"/projects/(?P<project>[^/]+)/repository/files/(?P<path>[^/]+)/raw",
        f"{DOCS}/repository_files/#get-raw-file-from-repository",
        optional=frozenset({"ref", "lfs"}),
    ),
    Documented(
        "GET",
        _MR + "/discussions",
        f"{DOCS}/discussions/#list-project-merge-request-discussion-items",
    ),
    Documented("GET", _MR + "/notes", f"{DOCS}/notes/#list-all-merge-request-notes"),
    Documented(
        "POST",
        _MR + "/discussions",
        f"{DOCS}/discussions/#create-a-new-thread-in-the-merge-request-diff",
        required=frozenset({"body"}),
        optional=frozenset({"position", "commit_id", "created_at"}),
        nested={"position": POSITION},
    ),
    Documented(
        "PUT",
        _MR + r"/discussions/(?P<discussion>[0-9a-f]+)/notes/(?P<note>\d+)",
        f"{DOCS}/discussions/#modify-an-existing-merge-request-thread-note",
        optional=frozenset({"body", "resolved"}),
    ),
    Documented(
        "PUT",
        _MR + r"/discussions/(?P<discussion>[0-9a-f]+)",
        f"{DOCS}/discussions/#resolve-a-merge-request-thread",
        required=frozenset({"resolved"}),
    ),
    Documented(
        "POST",
        _MR + "/notes",
        f"{DOCS}/notes/#create-new-merge-request-note",
        required=frozenset({"body"}),
        optional=frozenset({"created_at", "merge_request_diff_head_sha", "internal"}),
    ),
    Documented(
        "PUT",
        _MR + r"/notes/(?P<note>\d+)",
        f"{DOCS}/notes/#modify-existing-merge-request-note",
        optional=frozenset({"body", "confidential"}),
    ),
    Documented(
        "POST",
        r"/projects/(?P<project>[^/]+)/statuses/(?P<sha>[0-9a-f]+)",
        f"{DOCS}/commits/#set-the-pipeline-status-of-a-commit",
        required=frozenset({"state"}),
        optional=frozenset(
            {"ref", "name", "context", "target_url", "description", "coverage", "pipeline_id"}
        ),
        enums={"state": frozenset({"pending", "running", "success", "failed", "canceled"})},
    ),
]


def _problems(documented: Documented, body: dict[str, Any], where: str) -> list[str]:
    """What in `body` the documentation does not allow."""
    problems = [f"{where}: missing {name!r}" for name in documented.required - body.keys()]
    known = documented.required | documented.optional
    problems += [f"{where}: unknown field {name!r}" for name in body.keys() - known]
    for name, allowed in documented.enums.items():
        if name in body and body[name] not in allowed:
            problems.append(f"{where}: {name}={body[name]!r} is not one of {sorted(allowed)}")
    for name, inner in documented.nested.items():
        if isinstance(body.get(name), dict):
            problems += _problems(inner, body[name], f"{where}.{name}")
    return problems


class GitLabStandIn(HttpStandIn):
    """The stand-in; `with GitLabStandIn(token) as gitlab: ...` serves it on a free port
    (python-gitlab adds /api/v4 to its `api_url`)."""

    def __init__(self, token: str) -> None:
        super().__init__(token)
        self.merge_requests: dict[int, PullRequest] = {}
        self.discussions: dict[str, dict[str, Any]] = {}
        self.notes: dict[int, dict[str, Any]] = {}
        self.statuses: list[dict[str, Any]] = []
        self._ids = itertools.count(5001)

    def open_merge_request(
        self, iid: int, base: dict[str, str], head: dict[str, str]
    ) -> PullRequest:
        """A merge request changing `base` into `head`."""
        self.merge_requests[iid] = PullRequest(iid, dict(base), dict(head))
        return self.merge_requests[iid]

    def inline_notes(self, iid: int) -> list[dict[str, Any]]:
        """The first note of each diff discussion on a merge request, oldest first."""
        return [d["notes"][0] for d in self.discussions.values() if d["iid"] == iid]

    def handle(self, method: str, target: str, headers: dict, raw: bytes) -> Answer:
        """One request: checked against the documented operations, then answered."""
        url = urlsplit(target)
        path = url.path.removeprefix("/api/v4")
        body = json.loads(raw) if raw else dict(parse_qsl(url.query))
        for documented in OPERATIONS:
            found = re.fullmatch(documented.route, path)
            if found and documented.method == method:
                break
        else:
            self.violations.append(f"{method} {path}: not an operation review_app should use")
            return 400, {}, {"message": "400 Bad request"}
        problems = _problems(documented, body if method != "GET" else {}, f"{method} {path}")
        if problems:
            self.violations.append(f"{'; '.join(problems)} (see {documented.doc})")
            return 400, {}, {"message": "400 Bad request"}
        if headers.get("private-token") != self.token:
            return 401, {}, {"message": "401 Unauthorized"}
        if unquote(found["project"]) not in (PROJECT, str(PROJECT_ID)):
            return 404, {}, {"message": "404 Project Not Found"}
        if fault := self._scripted_fault():
            return fault
        with self._lock:
            status, answer = self._answer(
                method, documented, found.groupdict(), body, dict(parse_qsl(url.query))
            )
        return status, {}, answer

    def _answer(
        self, method: str, documented: Documented, params: dict, body: dict, query: dict
    ) -> tuple[int, Any]:
        route = documented.route
        if route.endswith("/raw"):
            return self._raw(unquote(params["path"]), query.get("ref", ""))
        if route.endswith("/statuses/(?P<sha>[0-9a-f]+)"):
            self.statuses.append({**body, "sha": params["sha"]})
            return 201, {"id": next(self._ids), "sha": params["sha"], **body}
        request = self.merge_requests.get(int(params["iid"]))
        if request is None:
            return 404, {"message": "404 Not found"}
        if route == _MR:
            return 200, self._merge_request(request)
        if route.endswith("/changes"):
            return 200, {**self._merge_request(request), "changes": self._changes(request)}
        if "/discussions" in route:
            return self._discussions(method, request, params, body)
        if route.endswith("/notes") and method == "GET":
            return 200, [n for n in self.notes.values() if n.get("iid") == request.number]
        if method == "POST":
            note = {
                "id": next(self._ids),
                "body": body["body"],
                "iid": request.number,
                "system": False,
            }
            self.notes[note["id"]] = note
            return 201, note
        note = self.notes[int(params["note"])]
        note["body"] = body.get("body", note["body"])
        return 200, note

    def _discussions(
        self, method: str, request: PullRequest, params: dict, body: dict
    ) -> tuple[int, Any]:
        """List or start a merge request's discussions, edit a note of one, resolve one."""
        if method == "POST":
            return self._new_discussion(request, body)
        if method == "GET":
            made = [d for d in self.discussions.values() if d["iid"] == request.number]
            return 200, [{k: v for k, v in d.items() if k != "iid"} for d in made]
        if "note" in params:
            note = self.notes[int(params["note"])]
            note.update({key: value for key, value in body.items() if key == "body"})
            return 200, note
        discussion = self.discussions[params["discussion"]]
        discussion["resolved"] = body["resolved"] in (True, "true")
        return 200, discussion

    def _raw(self, path: str, ref: str) -> tuple[int, Any]:
        for request in self.merge_requests.values():
            for sha, files in ((request.base_sha, request.base), (request.head_sha, request.head)):
                if sha == ref and path in files:
                    return 200, files[path]
        return 404, {"message": "404 File Not Found"}

    def _merge_request(self, request: PullRequest) -> dict[str, Any]:
        """The fields of GitLab's merge request answer that review_app and python-gitlab read."""
        return {
            "id": 90000 + request.number,
            "iid": request.number,
            "project_id": PROJECT_ID,
            "title": "A change",
            "state": "opened",
            "sha": request.head_sha,
            "diff_refs": {
                "base_sha": request.base_sha,
                "head_sha": request.head_sha,
                "start_sha": request.base_sha,
            },
            "changes_count": str(len(request.changed())),
            "web_url": f"https://gitlab.example.com/{PROJECT}/-/merge_requests/{request.number}",
        }

    def _changes(self, request: PullRequest) -> list[dict[str, Any]]:
        return [
            {
                "old_path": path,
                "new_path": path,
                "new_file": path not in request.base,
                "deleted_file": path not in request.head,
                "renamed_file": False,
                "diff": patch_of(request.base.get(path), request.head.get(path)) + "\n",
            }
            for path in request.changed()
        ]

    def _new_discussion(self, request: PullRequest, body: dict) -> tuple[int, Any]:
        position = body.get("position") or {}
        path, line = position.get("new_path"), position.get("new_line")
        if position and int(line) not in diff_lines(request.base.get(path), request.head.get(path)):
            return 400, {"message": '400 Bad request - Note {:line_code=>["can\'t be blank"]}'}
        note = {"id": next(self._ids), "body": body["body"], "position": position, "system": False}
        self.notes[note["id"]] = note
        discussion_id = hashlib.sha1(str(note["id"]).encode(), usedforsecurity=False).hexdigest()
        discussion = {
            "id": discussion_id,
            "iid": request.number,
            "resolved": False,
            "notes": [note],
        }
        self.discussions[discussion_id] = discussion
        return 201, {key: value for key, value in discussion.items() if key != "iid"}
