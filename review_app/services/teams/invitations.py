"""Invitations by link: no mail server needed, the inviter copies the link to the person.

An invitation names one email address and a role; its token is shown once, only its SHA-256
is kept, and it works once, for a signed-in user of that address, within INVITATION_DAYS.
Inviting an address again replaces its pending invitation (the old link stops working).
"""

import hashlib
import secrets
import uuid
from datetime import timedelta

from sqlalchemy import delete
from sqlmodel import Session, select

from review_app.db import session_scope
from review_app.models import Invitation, Membership, Team, TeamRole, User, utcnow
from review_app.services import audit, rate_limits
from review_app.services.accounts.email_identity import normalize_email
from review_app.services.accounts.identity import CurrentUser
from review_app.services.errors import NotFoundError, PermissionDeniedError, TeamRuleError
from review_app.services.teams.access import require_role, role_in
from review_app.services.teams.membership import may_manage, team_detail
from review_app.services.teams.views import (
    InvitationPreview,
    IssuedInvitation,
    TeamSummary,
)

INVITATION_DAYS = 7
NOT_VALID = "This invitation link is not valid: it was used, withdrawn, or it has expired."


def invite(
    *, actor: CurrentUser, team_id: uuid.UUID, email: str, role: TeamRole
) -> IssuedInvitation:
    """A new invitation to the team for `email` with `role`, and its link's token.

    Raises:
        InvalidEmailError: not an address we accept.
        NotFoundError: no such team of the actor's.
        PermissionDeniedError: a member or viewer inviting, or a maintainer inviting a
            maintainer (only the owner may).
        TeamRuleError: inviting as owner, or someone already in the team.
        RateLimitedError: over the user's team limit (RATE_LIMIT_TEAM).
    """
    email = normalize_email(email)
    with session_scope() as session:
        actor_role = require_role(session, team_id, actor.id, TeamRole.MAINTAINER, "invite people")
        if role == TeamRole.OWNER:
            raise TeamRuleError(
                "Invite as a maintainer, member or viewer, then transfer ownership."
            )
        if not may_manage(actor_role, role):
            raise PermissionDeniedError(f"Only the owner may invite a {role.value}.")
        if _member_with_email(session, team_id, email):
            raise TeamRuleError(f"{email} is a member of this team already.")
        rate_limits.enforce(rate_limits.Rule.TEAM, rate_limits.per_user(actor.id))
        session.exec(
            delete(Invitation).where(Invitation.team_id == team_id, Invitation.email == email)
        )
        token = secrets.token_urlsafe(32)
        invitation = Invitation(
            team_id=team_id,
            email=email,
            role=role,
            token_hash=_hash(token),
            invited_by=actor.id,
            expires_at=utcnow() + timedelta(days=INVITATION_DAYS),
        )
        session.add(invitation)
        target = f"{email} to team {team_id}"
        audit.record(
            session=session,
            action=audit.AuditAction.TEAM_INVITE,
            actor=actor,
            target=target,
            detail=role.value,
        )
        session.flush()
        return IssuedInvitation(**invitation.model_dump(), token=token)


def withdraw(*, actor: CurrentUser, team_id: uuid.UUID, invitation_id: uuid.UUID) -> None:
    """Withdraw a pending invitation: its link stops working.

    Raises:
        NotFoundError: no such team of the actor's, or no such invitation to it.
        PermissionDeniedError: below maintainer, or a maintainer's withdrawing a maintainer's.
    """
    with session_scope() as session:
        actor_role = require_role(
            session, team_id, actor.id, TeamRole.MAINTAINER, "withdraw invitations"
        )
        invitation = session.get(Invitation, invitation_id)
        if invitation is None or invitation.team_id != team_id:
            raise NotFoundError("No such invitation to this team.")
        if not may_manage(actor_role, TeamRole(invitation.role)):
            raise PermissionDeniedError(f"Only the owner may withdraw a {invitation.role}'s.")
        session.delete(invitation)


def preview(*, actor: CurrentUser, token: str) -> InvitationPreview:
    """What the invitation of `token` offers, for its page before accepting.

    Raises:
        NotFoundError: used, withdrawn, expired, or never made.
    """
    with session_scope() as session:
        invitation = _valid(session, token)
        team = session.get(Team, invitation.team_id)
        return InvitationPreview(
            team_name=team.name if team else "",
            email=invitation.email,
            role=invitation.role,
            expires_at=invitation.expires_at,
        )


def accept(*, actor: CurrentUser, token: str) -> TeamSummary:
    """Join the team with the invitation's role; the link is used up.

    Raises:
        NotFoundError: used, withdrawn, expired, or never made.
        PermissionDeniedError: the invitation is for another email address.
    """
    with session_scope() as session:
        invitation = _valid(session, token)
        if normalize_email(actor.email) != invitation.email:
            raise PermissionDeniedError(
                f"This invitation is for {invitation.email}; sign in with that address."
            )
        session.delete(invitation)
        if role_in(session, invitation.team_id, actor.id) is None:
            session.add(
                Membership(team_id=invitation.team_id, user_id=actor.id, role=invitation.role)
            )
            team = session.get(Team, invitation.team_id)
            audit.record(
                session=session,
                action=audit.AuditAction.TEAM_JOIN,
                actor=actor,
                target=f"team {invitation.team_id}",
                detail=team.name if team else None,
            )
        session.flush()
        detail = team_detail(session, invitation.team_id, actor.id)
        return TeamSummary(**detail.model_dump(exclude={"members", "invitations"}))


def _valid(session: Session, token: str) -> Invitation:
    invitation = session.exec(
        select(Invitation).where(Invitation.token_hash == _hash(token))
    ).first()
    if invitation is None or invitation.expires_at <= utcnow():
        raise NotFoundError(NOT_VALID)
    return invitation


def _member_with_email(session: Session, team_id: uuid.UUID, email: str) -> bool:
    return (
        session.exec(
            select(Membership)
            .join(User, User.id == Membership.user_id)
            .where(Membership.team_id == team_id, User.email == email)
        ).first()
        is not None
    )


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
