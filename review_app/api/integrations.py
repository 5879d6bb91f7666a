"""`/api/integrations`: connect repositories (admins), and the code hosts' webhooks."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Request, Response
from starlette.concurrency import run_in_threadpool

from review_app.api.deps import SignedInUser
from review_app.services.integrations import connections, webhooks
from review_app.services.integrations.connections import ConnectionRequest, ConnectionView
from review_app.services.integrations.webhooks import WebhookOutcome

router = APIRouter(prefix="/api/integrations", tags=["integrations"])
ADMINS_ONLY = {403: {"description": "Not an admin."}}


@router.post(
    "",
    status_code=201,
    responses={**ADMINS_ONLY, 409: {"description": "The repository is connected already."}},
)
async def connect(admin: SignedInUser, request: ConnectionRequest) -> ConnectionView:
    """Connect a repository: its token and webhook secret are sealed, never shown again."""
    return await run_in_threadpool(connections.connect, actor=admin, request=request)


@router.get("", responses=ADMINS_ONLY)
async def list_connections(admin: SignedInUser) -> list[ConnectionView]:
    """The connected repositories, with the host's last error if it has not recovered."""
    return await run_in_threadpool(connections.list_connections, actor=admin)


@router.delete(
    "/{connection_id}",
    status_code=204,
    responses={**ADMINS_ONLY, 404: {"description": "No such connection."}},
)
async def disconnect(admin: SignedInUser, connection_id: uuid.UUID) -> Response:
    """Forget a connection and its credentials."""
    await run_in_threadpool(connections.disconnect, actor=admin, connection_id=connection_id)
    return Response(status_code=204)


@router.post(
    "/github/webhook",
    responses={
        401: {"description": "The signature matches no connected repository's secret."},
        404: {"description": "The event is about a repository that is not connected."},
        422: {"description": "The body is not the JSON of an event."},
    },
)
async def github_webhook(
    request: Request,
    response: Response,
    x_github_event: Annotated[str, Header(max_length=100)] = "",
    x_github_delivery: Annotated[str, Header(max_length=100)] = "",
    x_hub_signature_256: Annotated[str, Header(max_length=100)] = "",
) -> WebhookOutcome:
    """A GitHub delivery: pull requests opened, pushed to or reopened, and `/review` comments
    queue a review (202); anything else, or a repeated delivery, is acknowledged (200)."""
    outcome = await run_in_threadpool(
        webhooks.receive_github,
        body=await request.body(),
        event=x_github_event,
        delivery_id=x_github_delivery,
        signature=x_hub_signature_256,
    )
    response.status_code = 202 if outcome.queued else 200
    return outcome


@router.post(
    "/gitlab/webhook",
    responses={
        401: {"description": "The token is no connected project's webhook secret."},
        404: {"description": "The event is about a project that is not connected."},
        422: {"description": "The body is not the JSON of an event."},
    },
)
async def gitlab_webhook(
    request: Request,
    response: Response,
    x_gitlab_event: Annotated[str, Header(max_length=100)] = "",
    x_gitlab_event_uuid: Annotated[str, Header(max_length=100)] = "",
    idempotency_key: Annotated[str, Header(max_length=100)] = "",
    x_gitlab_token: Annotated[str, Header(max_length=500)] = "",
) -> WebhookOutcome:
    """A GitLab delivery: merge requests opened, reopened or given new commits, and `/review`
    notes queue a review (202); anything else, or a repeated delivery, is acknowledged (200)."""
    outcome = await run_in_threadpool(
        webhooks.receive_gitlab,
        body=await request.body(),
        event=x_gitlab_event,
        delivery_id=idempotency_key or x_gitlab_event_uuid,
        token=x_gitlab_token,
    )
    response.status_code = 202 if outcome.queued else 200
    return outcome
