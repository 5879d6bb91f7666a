"""Making teams and managing who is in them; the rules of roles are checked here.

The owner manages everyone else; a maintainer manages members and viewers; anyone but the
owner may leave. Ownership moves only by transfer, which makes the old owner a maintainer.
"""

import uuid

from sqlalchemy import func
from sqlmodel import Session, select

from review_app.db import session_scope
from review_app.models import Invitation, Membership, Team, TeamRole, User, utcnow
from review_app.services import audit, rate_limits
from review_app.services.accounts.identity import CurrentUser
from review_app.services.errors import NotFoundError, TeamRuleError
from review_app.services.names import clean_name
from review_app.services.teams.access import refuse_below, require_role, role_in
from review_app.services.teams.views import PendingInvitation, TeamDetail, TeamMember, TeamSummary

AuditAction = audit.AuditAction


def create_team(*, actor: CurrentUser, name: str) -> TeamDetail:
    """A new team with `actor` as its owner.

    Raises:
        InvalidNameError: the name is blank, too long or holds control characters.
        RateLimitedError: over the user's team limit (RATE_LIMIT_TEAM).
    """
    name = clean_name(name, "team")
    with session_scope() as session:
        rate_limits.enforce(rate_limits.Rule.TEAM, rate_limits.per_user(actor.id))
        team = Team(name=name)
        session.add(team)
        session.flush()  # the team's row first: no relationship orders the inserts
        session.add(Membership(team_id=team.id, user_id=actor.id, role=TeamRole.OWNER))
        audit.record(session=session, action=AuditAction.TEAM_CREATE, actor=actor, target=name)
        session.flush()
        return team_detail(session, team.id, actor.id)


def list_teams(*, actor: CurrentUser) -> list[TeamSummary]:
    """The user's teams, by name."""
    with session_scope() as session:
        rows = session.exec(
            select(Team, Membership.role)
            .join(Membership, Membership.team_id == Team.id)
            .where(Membership.user_id == actor.id)
            .order_by(Team.name, Team.id)
        ).all()
        counts = _member_counts(session, [team.id for team, _ in rows])
        return [_summary(team, TeamRole(role), counts.get(team.id, 0)) for team, role in rows]


def get_team(*, actor: CurrentUser, team_id: uuid.UUID) -> TeamDetail:
    """One of the user's teams with its members.

    Raises:
        NotFoundError: no such team of the user's.
    """
    with session_scope() as session:
        require_role(session, team_id, actor.id, TeamRole.VIEWER, "see this team")
        return team_detail(session, team_id, actor.id)


def change_role(
    *, actor: CurrentUser, team_id: uuid.UUID, user_id: uuid.UUID, role: TeamRole
) -> TeamDetail:
    """Give a member another role (not the owner's: see `transfer_ownership`).

    Raises:
        NotFoundError: no such team of the actor's, or no such member of it.
        PermissionDeniedError: the actor may not manage that member or give that role.
        TeamRuleError: the owner's role, or making someone owner, which takes a transfer.
    """
    with session_scope() as session:
        actor_role = require_role(session, team_id, actor.id, TeamRole.MAINTAINER, "change roles")
        member = _member(session, team_id, user_id)
        if TeamRole.OWNER in (role, member.role):
            raise TeamRuleError("The owner changes only by transferring ownership.")
        _refuse_unmanaged(actor_role, TeamRole(member.role))
        _refuse_unmanaged(actor_role, role)
        member.role = role
        session.add(member)
        _record(session, AuditAction.TEAM_ROLE, actor, team_id, user_id, f"now {role.value}")
        session.flush()
        return team_detail(session, team_id, actor.id)


def remove_member(*, actor: CurrentUser, team_id: uuid.UUID, user_id: uuid.UUID) -> None:
    """Take a member out of the team, or leave it (`user_id` the actor's own).

    The team's projects and reviews stay the team's.

    Raises:
        NotFoundError: no such team of the actor's, or no such member of it.
        PermissionDeniedError: the actor may not manage that member.
        TeamRuleError: the owner leaving, or being removed, before transferring ownership.
    """
    with session_scope() as session:
        if user_id == actor.id:
            member = _member(session, team_id, user_id, not_found="No team with this id.")
        else:
            actor_role = require_role(
                session, team_id, actor.id, TeamRole.MAINTAINER, "remove members"
            )
            member = _member(session, team_id, user_id)
        if member.role == TeamRole.OWNER:
            raise TeamRuleError("The owner cannot leave: transfer ownership to a member first.")
        if user_id != actor.id:
            _refuse_unmanaged(actor_role, TeamRole(member.role))
        session.delete(member)
        _record(session, AuditAction.TEAM_REMOVE, actor, team_id, user_id, None)


def transfer_ownership(*, actor: CurrentUser, team_id: uuid.UUID, user_id: uuid.UUID) -> TeamDetail:
    """Make a member the owner; the old owner stays on as a maintainer.

    Raises:
        NotFoundError: no such team of the actor's, or no such member of it.
        PermissionDeniedError: the actor is not the owner.
        TeamRuleError: the owner transferring to themselves.
    """
    with session_scope() as session:
        require_role(session, team_id, actor.id, TeamRole.OWNER, "transfer ownership")
        if user_id == actor.id:
            raise TeamRuleError("You own this team already.")
        member = _member(session, team_id, user_id)
        owner = _member(session, team_id, actor.id)
        member.role, owner.role = TeamRole.OWNER, TeamRole.MAINTAINER
        session.add_all([member, owner])
        _record(session, AuditAction.TEAM_TRANSFER, actor, team_id, user_id, None)
        session.flush()
        return team_detail(session, team_id, actor.id)


def may_manage(actor_role: TeamRole, role: TeamRole) -> bool:
    """Whether `actor_role` may invite, change or remove someone of `role`."""
    return actor_role == TeamRole.OWNER or (
        actor_role == TeamRole.MAINTAINER and not role.at_least(TeamRole.MAINTAINER)
    )


def _refuse_unmanaged(actor_role: TeamRole, role: TeamRole) -> None:
    """Refuse a maintainer managing maintainers (only the owner may)."""
    if not may_manage(actor_role, role):
        refuse_below(actor_role, TeamRole.OWNER, f"manage a {role.value}")


def team_detail(session: Session, team_id: uuid.UUID, viewer_id: uuid.UUID) -> TeamDetail:
    """The team as `viewer_id`, a member, sees it."""
    team = session.get(Team, team_id)
    role = role_in(session, team_id, viewer_id)
    if team is None or role is None:
        raise NotFoundError("No team with this id.")
    rows = session.exec(
        select(Membership, User.email)
        .join(User, User.id == Membership.user_id)
        .where(Membership.team_id == team_id)
    ).all()
    members = sorted(
        (
            TeamMember(user_id=m.user_id, email=email, role=m.role, joined_at=m.joined_at)
            for m, email in rows
        ),
        key=lambda member: (list(TeamRole).index(member.role), member.email),
    )
    invitations: list[PendingInvitation] = []
    if role.at_least(TeamRole.MAINTAINER):
        invitations = [
            PendingInvitation.model_validate(invitation)
            for invitation in session.exec(
                select(Invitation)
                .where(Invitation.team_id == team_id, Invitation.expires_at > utcnow())
                .order_by(Invitation.created_at)
            )
        ]
    return TeamDetail(
        **_summary(team, role, len(members)).model_dump(),
        members=members,
        invitations=invitations,
    )


def _summary(team: Team, role: TeamRole, member_count: int) -> TeamSummary:
    return TeamSummary(
        id=team.id, name=team.name, created_at=team.created_at, role=role, member_count=member_count
    )


def _member_counts(session: Session, team_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    rows = session.exec(
        select(Membership.team_id, func.count())
        .where(Membership.team_id.in_(team_ids))
        .group_by(Membership.team_id)
    ).all()
    return dict(rows)


def _member(
    session: Session, team_id: uuid.UUID, user_id: uuid.UUID, not_found: str = ""
) -> Membership:
    member = session.get(Membership, (team_id, user_id))
    if member is None:
        raise NotFoundError(not_found or "No such member of this team.")
    return member


def _record(
    session: Session,
    action: audit.AuditAction,
    actor: CurrentUser,
    team_id: uuid.UUID,
    user_id: uuid.UUID,
    detail: str | None,
) -> None:
    """Log a change to a member: the target names them and the team."""
    user = session.get(User, user_id)
    target = f"{user.email if user else user_id} in team {team_id}"
    audit.record(session=session, action=action, actor=actor, target=target, detail=detail)
