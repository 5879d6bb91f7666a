"""Webhook deliveries from the code hosts: the signature checked in constant time before
anything is parsed, replays ignored by delivery id, and pull request events turned into
queued reviews (answered at once: the review runs on a worker)."""

import hashlib
import hmac
import json
import uuid
from collections.abc import Callable

from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import CodeHost, PullRequestRun, RepositoryConnection, WebhookDelivery
from review_app.services.errors import AuthenticationError, InvalidQueryError, NotFoundError
from review_app.services.integrations.sealing import unseal
from review_app.work_queue.enqueue import enqueue_pull_request_run

PULL_REQUEST_ACTIONS = frozenset({"opened", "synchronize", "reopened"})
REVIEW_COMMAND = "/review"


class WebhookOutcome(BaseModel):
    """What review_app did with a delivery."""

    queued: bool
    detail: str
    run_id: uuid.UUID | None = None


def receive_github(*, body: bytes, event: str, delivery_id: str, signature: str) -> WebhookOutcome:
    """Take in one GitHub delivery (`X-GitHub-Event`, `X-GitHub-Delivery`,
    `X-Hub-Signature-256`: an HMAC-SHA256 of the body with the webhook secret).

    Raises:
        AuthenticationError: no connected repository's secret signed this body.
        InvalidQueryError: the body is not the JSON of an event.
        NotFoundError: the event is about a repository that is not connected.
    """

    def signs(secret: bytes) -> bool:
        expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected.encode(), signature.encode())

    connections = _connections(CodeHost.GITHUB, signs)
    payload = _json(body)
    repository = str((payload.get("repository") or {}).get("full_name", ""))
    number = _pull_request_number(event, payload)
    return _take(connections, repository, f"github:{delivery_id}", number, event)


def receive_gitlab(*, body: bytes, event: str, delivery_id: str, token: str) -> WebhookOutcome:
    """Take in one GitLab delivery (`X-Gitlab-Event`, `X-Gitlab-Event-UUID` or
    `Idempotency-Key`, and `X-Gitlab-Token`: the webhook's secret token itself).

    Raises:
        AuthenticationError: the token is no connected project's secret.
        InvalidQueryError: the body is not the JSON of an event.
        NotFoundError: the event is about a project that is not connected.
    """
    connections = _connections(
        CodeHost.GITLAB, lambda secret: hmac.compare_digest(secret, token.encode())
    )
    payload = _json(body)
    repository = str((payload.get("project") or {}).get("path_with_namespace", ""))
    delivery = delivery_id or hashlib.sha256(body).hexdigest()  # older GitLab sends no id
    number = _merge_request_number(payload)
    return _take(connections, repository, f"gitlab:{delivery}", number, event)


def _take(
    signed_by: list[RepositoryConnection],
    repository: str,
    delivery_key: str,
    number: int | None,
    event: str,
) -> WebhookOutcome:
    """The delivery of a connection whose secret it carries: queued once, if it asks a review."""
    connection = next((each for each in signed_by if each.repository == repository), None)
    if connection is None:
        raise NotFoundError(f"{repository or 'This repository'} is not connected.")
    if not _first_delivery(connection.id, delivery_key):
        return WebhookOutcome(queued=False, detail="Delivery already received.")
    if number is None:
        return WebhookOutcome(queued=False, detail=f"Nothing to review in {event!r}.")
    return _queue(connection.id, number)


def _connections(host: CodeHost, carries: Callable[[bytes], bool]) -> list[RepositoryConnection]:
    """The host's connections whose webhook secret the delivery `carries` (checked in constant
    time, before the body is read); none: AuthenticationError."""
    with session_scope() as session:
        connections = session.exec(
            select(RepositoryConnection).where(RepositoryConnection.host == host)
        ).all()
        session.expunge_all()
    signed = [each for each in connections if carries(unseal(each.sealed_webhook_secret).encode())]
    if not signed:
        raise AuthenticationError("The delivery's secret matches no connected repository's.")
    return signed


def _json(body: bytes) -> dict:
    try:
        payload = json.loads(body)
    except ValueError:
        raise InvalidQueryError("The delivery is not JSON.") from None
    if not isinstance(payload, dict):
        raise InvalidQueryError("The delivery is not an event.")
    return payload


def _first_delivery(connection_id: uuid.UUID, delivery_key: str) -> bool:
    """Record the delivery; False if it was received before (a replay or a redelivery)."""
    try:
        with session_scope() as session:
            session.add(WebhookDelivery(id=delivery_key[:200], connection_id=connection_id))
    except IntegrityError:
        return False
    return True


def _pull_request_number(event: str, payload: dict) -> int | None:
    """The pull request an event asks to review: opened, new commits, reopened, or `/review`."""
    if event == "pull_request" and payload.get("action") in PULL_REQUEST_ACTIONS:
        return int(payload["number"])
    issue = payload.get("issue") or {}
    comment = str((payload.get("comment") or {}).get("body", ""))
    is_command = comment.strip().split(maxsplit=1)[:1] == [REVIEW_COMMAND]
    if event == "issue_comment" and payload.get("action") == "created" and is_command:
        return int(issue["number"]) if issue.get("pull_request") else None
    return None


def _merge_request_number(payload: dict) -> int | None:
    """The merge request a GitLab event asks to review: opened, new commits, reopened, or a
    `/review` note on it."""
    kind, attributes = payload.get("object_kind"), payload.get("object_attributes") or {}
    if kind == "merge_request":
        action = attributes.get("action")
        new_commits = action == "update" and "oldrev" in attributes
        if action in ("open", "reopen") or new_commits:
            return int(attributes["iid"])
    note = str(attributes.get("note", ""))
    if kind == "note" and note.strip().split(maxsplit=1)[:1] == [REVIEW_COMMAND]:
        request = payload.get("merge_request") or {}
        return int(request["iid"]) if "iid" in request else None
    return None


def _queue(connection_id: uuid.UUID, number: int) -> WebhookOutcome:
    with session_scope() as session:
        run = PullRequestRun(connection_id=connection_id, number=number)
        session.add(run)
        session.flush()
        run_id = run.id
    enqueue_pull_request_run(run_id)
    return WebhookOutcome(queued=True, detail=f"Pull request #{number} queued.", run_id=run_id)
