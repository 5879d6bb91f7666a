"""`/api/teams`: teams, their members and roles, and invitations by link."""

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from review_app.api.deps import SignedInUser
from review_app.api.text_rules import NAME_PATTERN
from review_app.models import TeamRole
from review_app.services.names import MAX_NAME_LENGTH
from review_app.services.teams import invitations, membership
from review_app.services.teams.views import (
    InvitationPreview,
    IssuedInvitation,
    TeamDetail,
    TeamSummary,
)

router = APIRouter(prefix="/api/teams", tags=["teams"])
invitations_router = APIRouter(prefix="/api/invitations", tags=["teams"])

InvitedRole = Literal[TeamRole.MAINTAINER, TeamRole.MEMBER, TeamRole.VIEWER]
Token = Annotated[str, Path(min_length=20, max_length=100, pattern="^[A-Za-z0-9_-]+$")]
_NO_TEAM = {404: {"description": "No such team of yours."}}
_NO_MEMBER = {404: {"description": "No such team of yours, or no such member of it."}}
_BAD_LINK = {404: {"description": "The link was used, withdrawn, or has expired."}}
_NOT_YOURS = {403: {"description": "The invitation is for another email address."}}


def _refused(role: str) -> dict[int, dict[str, str]]:
    return {403: {"description": f"Your role may not do this (it takes {role})."}}


class NewTeam(BaseModel):
    """A team to create."""

    name: str = Field(max_length=MAX_NAME_LENGTH, json_schema_extra={"pattern": NAME_PATTERN})


class NewInvitation(BaseModel):
    """Whom to invite, and as what."""

    email: str = Field(
        max_length=320,
        description="The person's sign-in address.",
        examples=["bob@example.com"],
        json_schema_extra={"format": "email"},
    )
    role: InvitedRole = TeamRole.MEMBER


class RoleChange(BaseModel):
    """A member's new role (ownership moves by transfer)."""

    role: InvitedRole


class OwnershipTransfer(BaseModel):
    """The member who becomes the owner."""

    user_id: uuid.UUID


@router.post(
    "",
    status_code=201,
    responses={
        422: {"description": "A blank name, or one with control characters."},
        429: {"description": "Too many teams created or invitations sent (RATE_LIMIT_TEAM)."},
    },
)
async def create(body: NewTeam, user: SignedInUser) -> TeamDetail:
    """A new team; you are its owner."""
    return await run_in_threadpool(membership.create_team, actor=user, name=body.name)


@router.get("")
async def listing(user: SignedInUser) -> list[TeamSummary]:
    """Your teams, by name, with your role in each."""
    return await run_in_threadpool(membership.list_teams, actor=user)


@router.get("/{team_id}", responses=_NO_TEAM)
async def team(team_id: uuid.UUID, user: SignedInUser) -> TeamDetail:
    """One team: its members and, for maintainers and the owner, invitations pending."""
    return await run_in_threadpool(membership.get_team, actor=user, team_id=team_id)


@router.post(
    "/{team_id}/invitations",
    status_code=201,
    responses={
        **_NO_TEAM,
        **_refused("a maintainer; a maintainer's invitee only a member or viewer"),
        409: {"description": "The address is a member of the team already."},
        422: {"description": "Not an email address we accept."},
        429: {"description": "Too many teams created or invitations sent (RATE_LIMIT_TEAM)."},
    },
)
async def invite(team_id: uuid.UUID, body: NewInvitation, user: SignedInUser) -> IssuedInvitation:
    """Invite someone by email: the answer's token makes the link to give them, once."""
    return await run_in_threadpool(
        invitations.invite, actor=user, team_id=team_id, email=body.email, role=body.role
    )


@router.delete(
    "/{team_id}/invitations/{invitation_id}",
    status_code=204,
    responses={
        404: {"description": "No such team of yours, or no such invitation to it."},
        **_refused("a maintainer; a maintainer's invitation only by the owner"),
    },
)
async def withdraw(team_id: uuid.UUID, invitation_id: uuid.UUID, user: SignedInUser) -> Response:
    """Withdraw an invitation: its link stops working."""
    await run_in_threadpool(
        invitations.withdraw, actor=user, team_id=team_id, invitation_id=invitation_id
    )
    return Response(status_code=204)


@router.patch(
    "/{team_id}/members/{user_id}",
    responses={
        **_NO_MEMBER,
        **_refused("a maintainer for members and viewers, the owner for maintainers"),
        409: {"description": "The owner's role changes only by transfer."},
    },
)
async def change_role(
    team_id: uuid.UUID, user_id: uuid.UUID, body: RoleChange, user: SignedInUser
) -> TeamDetail:
    """Give a member another role."""
    return await run_in_threadpool(
        membership.change_role, actor=user, team_id=team_id, user_id=user_id, role=body.role
    )


@router.delete(
    "/{team_id}/members/{user_id}",
    status_code=204,
    responses={
        **_NO_MEMBER,
        **_refused("a maintainer for members and viewers, the owner for maintainers"),
        409: {"description": "The owner cannot leave or be removed before transferring."},
    },
)
async def remove(team_id: uuid.UUID, user_id: uuid.UUID, user: SignedInUser) -> Response:
    """Remove a member, or leave the team (your own id); its projects stay the team's."""
    await run_in_threadpool(membership.remove_member, actor=user, team_id=team_id, user_id=user_id)
    return Response(status_code=204)


@router.post(
    "/{team_id}/transfer",
    responses={
        **_NO_MEMBER,
        **_refused("the owner"),
        409: {"description": "You own the team already."},
    },
)
async def transfer(team_id: uuid.UUID, body: OwnershipTransfer, user: SignedInUser) -> TeamDetail:
    """Make a member the owner; you stay on as a maintainer."""
    return await run_in_threadpool(
        membership.transfer_ownership, actor=user, team_id=team_id, user_id=body.user_id
    )


@invitations_router.get("/{token}", responses=_BAD_LINK)
async def preview(token: Token, user: SignedInUser) -> InvitationPreview:
    """What an invitation link offers: the team, the address it is for, and the role."""
    return await run_in_threadpool(invitations.preview, actor=user, token=token)


@invitations_router.post("/{token}/accept", responses={**_BAD_LINK, **_NOT_YOURS})
async def accept(token: Token, user: SignedInUser) -> TeamSummary:
    """Join the team the link invites you to; the link is used up."""
    return await run_in_threadpool(invitations.accept, actor=user, token=token)
