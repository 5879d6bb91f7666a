"""GitHub webhook deliveries for tests: GitHub's own example payloads (@octokit/webhooks-examples)
with the test's repository and pull request put in, each checked against GitHub's webhook
schemas (@octokit/webhooks-schemas) before it is sent, and signed as GitHub signs them."""

import hashlib
import hmac
import json
import uuid
from functools import cache
from typing import Any

from jsonschema import Draft7Validator

from support.github_standin import OWNER, REPO, PullRequest
from support.openapi_check import OCTOKIT

EXAMPLES = OCTOKIT / "webhooks-examples" / "api.github.com" / "index.json"
SCHEMAS = OCTOKIT / "webhooks-schemas" / "schema.json"


@cache
def _examples() -> dict[str, list[dict[str, Any]]]:
    return {event["name"]: event["examples"] for event in json.loads(EXAMPLES.read_text())}


@cache
def _schema() -> dict[str, Any]:
    return json.loads(SCHEMAS.read_text())


def pull_request_event(action: str, pull: PullRequest) -> dict[str, Any]:
    """A `pull_request` event of `action` about `pull`."""
    payload = _example("pull_request", action, f"pull_request${action}")
    payload["number"] = payload["pull_request"]["number"] = pull.number
    payload["pull_request"]["head"]["sha"] = pull.head_sha
    payload["pull_request"]["base"]["sha"] = pull.base_sha
    return _checked(f"pull_request${action}", _in_our_repository(payload))


def comment_event(number: int, body: str) -> dict[str, Any]:
    """An `issue_comment` created on pull request `number` saying `body`."""
    payload = _example("issue_comment", "created", "issue_comment$created")
    pull_url = f"https://api.github.com/repos/{OWNER}/{REPO}/pulls/{number}"
    payload["issue"]["pull_request"] = {
        "url": pull_url,
        "html_url": f"https://github.com/{OWNER}/{REPO}/pull/{number}",
        "diff_url": f"https://github.com/{OWNER}/{REPO}/pull/{number}.diff",
        "patch_url": f"https://github.com/{OWNER}/{REPO}/pull/{number}.patch",
        "merged_at": None,
    }
    payload["issue"]["number"], payload["comment"]["body"] = number, body
    return _checked("issue_comment$created", _in_our_repository(payload))


def signed(payload: dict[str, Any], secret: str, event: str) -> tuple[bytes, dict[str, str]]:
    """The body and headers of a delivery, signed with `secret` (X-Hub-Signature-256)."""
    body = json.dumps(payload).encode()
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    headers = {
        "X-GitHub-Event": event,
        "X-GitHub-Delivery": str(uuid.uuid4()),
        "X-Hub-Signature-256": f"sha256={digest}",
        "Content-Type": "application/json",
    }
    return body, headers


def _example(event: str, action: str, definition: str) -> dict[str, Any]:
    """The first of GitHub's examples of the event that its schema accepts (some are older)."""
    validator = _validator(definition)
    example = next(
        item
        for item in _examples()[event]
        if item.get("action") == action and validator.is_valid(item)
    )
    return json.loads(json.dumps(example))


def _validator(definition: str) -> Draft7Validator:
    schema = {**_schema(), "$ref": f"#/definitions/{definition}"}
    schema.pop("oneOf", None)
    return Draft7Validator(schema)


def _in_our_repository(payload: dict[str, Any]) -> dict[str, Any]:
    repository = payload["repository"]
    repository["name"], repository["full_name"] = REPO, f"{OWNER}/{REPO}"
    repository["owner"]["login"] = OWNER
    return payload


def _checked(definition: str, payload: dict[str, Any]) -> dict[str, Any]:
    errors = [error.message for error in _validator(definition).iter_errors(payload)]
    assert not errors, f"not a valid {definition} delivery: {errors[:3]}"
    return payload
