"""GitLab webhook deliveries for tests, shaped as GitLab documents them (no published schema
installs from the registries): merge request events and notes, with the secret token header.

- Merge request events: https://docs.gitlab.com/user/project/integrations/webhook_events/#merge-request-events
- Comment (note) events: https://docs.gitlab.com/user/project/integrations/webhook_events/#comment-events
"""

import json
import uuid
from typing import Any

from support.github_standin import PullRequest
from support.gitlab_standin import PROJECT

USER = {"id": 1, "name": "Ada", "username": "ada", "avatar_url": None, "email": "[REDACTED]"}


def _project() -> dict[str, Any]:
    namespace, name = PROJECT.split("/")
    return {
        "id": 77,
        "name": name,
        "namespace": namespace,
        "path_with_namespace": PROJECT,
        "web_url": f"https://gitlab.example.com/{PROJECT}",
        "default_branch": "main",
    }


def _merge_request_attributes(request: PullRequest) -> dict[str, Any]:
    return {
        "id": 90000 + request.number,
        "iid": request.number,
        "target_branch": "main",
        "source_branch": "feature",
        "state": "opened",
        "title": "A change",
        "last_commit": {"id": request.head_sha, "message": "Change"},
        "url": f"https://gitlab.example.com/{PROJECT}/-/merge_requests/{request.number}",
    }


def merge_request_event(action: str, request: PullRequest, *, new_commits: bool = False) -> dict:
    """A "Merge Request Hook" of `action` (open, update, reopen, close, ...); an update that
    pushed commits carries `oldrev`, as GitLab's does."""
    attributes = {**_merge_request_attributes(request), "action": action}
    if new_commits:
        attributes["oldrev"] = "0" * 40
    return {
        "object_kind": "merge_request",
        "event_type": "merge_request",
        "user": USER,
        "project": _project(),
        "object_attributes": attributes,
        "labels": [],
        "changes": {},
        "repository": {"name": _project()["name"], "url": _project()["web_url"]},
    }


def note_event(request: PullRequest, note: str) -> dict:
    """A "Note Hook" for a comment on the merge request."""
    return {
        "object_kind": "note",
        "event_type": "note",
        "user": USER,
        "project_id": 77,
        "project": _project(),
        "object_attributes": {"id": 4242, "note": note, "noteable_type": "MergeRequest"},
        "merge_request": _merge_request_attributes(request),
    }


def delivered(payload: dict, token: str, event: str) -> tuple[bytes, dict[str, str]]:
    """The body and headers GitLab sends: the event name, a delivery id, the secret token."""
    headers = {
        "X-Gitlab-Event": event,
        "X-Gitlab-Event-UUID": str(uuid.uuid4()),
        "X-Gitlab-Token": token,
        "Content-Type": "application/json",
    }
    return json.dumps(payload).encode(), headers
