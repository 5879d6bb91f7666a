"""Every team, for the site admin: its owner, members, projects and LLM token use, and
whether it requires single sign-on."""

import uuid
from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import func
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import Membership, Project, Review, Team, TeamRole, User
from review_app.services import audit
from review_app.services.accounts import auth
from review_app.services.accounts.identity import CurrentUser
from review_app.services.audit import AuditAction
from review_app.services.errors import NotFoundError, TeamRuleError
from review_app.services.paging import DEFAULT_PAGE_SIZE, checked_limit
from review_app.services.permissions import require_admin
from review_app.settings import get_settings


class AdminTeam(BaseModel):
    """A team as the admin page lists it."""

    id: uuid.UUID
    name: str
    created_at: datetime
    owner: str  # the owner's email
    members: int
    projects: int
    llm_tokens: int  # spent on the reviews of its projects
    sso_required: bool  # its members sign in through single sign-on only


class AdminTeamPage(BaseModel):
    """One page of teams, and how many there are in all."""

    items: list[AdminTeam]
    total: int
    limit: int
    offset: int


def list_all_teams(
    *, actor: CurrentUser, limit: int = DEFAULT_PAGE_SIZE, offset: int = 0
) -> AdminTeamPage:
    """Every team by name (admins only).

    Raises:
        AdminOnlyError: `actor` is not an admin.
        InvalidQueryError: a paging value out of range.
    """
    require_admin(actor)
    limit = checked_limit(limit, offset)
    owner = (
        select(User.email)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.team_id == Team.id, Membership.role == TeamRole.OWNER)
        .limit(1)
        .scalar_subquery()
    )
    members = _count(select(func.count()).where(Membership.team_id == Team.id))
    projects = _count(select(func.count()).where(Project.team_id == Team.id))
    tokens = _count(
        select(func.coalesce(func.sum(Review.total_tokens), 0)).where(Review.team_id == Team.id)
    )
    with session_scope() as session:
        total = session.exec(select(func.count()).select_from(Team)).one()
        rows = session.exec(
            select(Team, owner, members, projects, tokens)
            .order_by(Team.name, Team.id)
            .limit(limit)
            .offset(offset)
        ).all()
    items = [
        AdminTeam(
            id=team.id,
            name=team.name,
            created_at=team.created_at,
            owner=owner_email or "",
            members=member_count,
            projects=project_count,
            llm_tokens=token_count,
            sso_required=team.sso_required,
        )
        for team, owner_email, member_count, project_count, token_count in rows
    ]
    return AdminTeamPage(items=items, total=total, limit=limit, offset=offset)


def require_sso(
    *, actor: CurrentUser, team_id: uuid.UUID, required: bool, ip: str | None = None
) -> bool:
    """Require single sign-on of a team's members, or stop requiring it (admins only).

    Once it is required, members sign in with a password no more, and their open logins
    (but the admin's own) end, so each signs in again through the provider. Returns the
    setting now in force.

    Raises:
        AdminOnlyError: `actor` is not an admin.
        NotFoundError: no such team.
        TeamRuleError: single sign-on is not set up on this server.
    """
    require_admin(actor)
    if required and not get_settings().sso_enabled:
        raise TeamRuleError(
            "Single sign-on is not set up on this server (OIDC_ISSUER and OIDC_CLIENT_ID)."
        )
    with session_scope() as session:
        team = session.get(Team, team_id)
        if team is None:
            raise NotFoundError("No such team.")
        team.sso_required = required
        session.add(team)
        detail = "single sign-on required" if required else "passwords allowed"
        audit.record(
            session=session,
            action=AuditAction.TEAM_SSO,
            actor=actor,
            target=team.name,
            ip=ip,
            detail=detail,
        )
        members = session.exec(select(Membership.user_id).where(Membership.team_id == team_id))
        signed_out = [member for member in members.all() if member != actor.id]
    if required:
        for member in signed_out:
            auth.end_every_login(member)
    return required


def _count(query):
    """A correlated count (or sum) for the outer query's team."""
    return query.correlate(Team).scalar_subquery()
