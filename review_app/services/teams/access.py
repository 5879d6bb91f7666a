"""Who may read or change a team's things: every service asks here, whichever adapter calls it.

A team's project, its reviews and their files are its members' to read; what a role may do
beyond reading is named where it is asked (`needed`). Someone outside the team is told there
is no such thing, as for another user's personal project; a member whose role falls short is
told which role it takes.
"""

import uuid

from sqlalchemy import and_, or_
from sqlmodel import Session, select

from review_app.models import Membership, Project, Review, TeamRole
from review_app.services.errors import NotFoundError, PermissionDeniedError


def role_in(session: Session, team_id: uuid.UUID, user_id: uuid.UUID) -> TeamRole | None:
    """The user's role in the team, or None when not a member."""
    membership = session.get(Membership, (team_id, user_id))
    return None if membership is None else TeamRole(membership.role)


def require_role(
    session: Session, team_id: uuid.UUID, user_id: uuid.UUID, needed: TeamRole, doing: str
) -> TeamRole:
    """The user's role in the team, if it may do what `needed` may.

    Raises:
        NotFoundError: not a member (the team is not theirs to know of).
        PermissionDeniedError: a member whose role is below `needed`; says what it takes.
    """
    role = role_in(session, team_id, user_id)
    if role is None:
        raise NotFoundError("No team with this id.")
    refuse_below(role, needed, doing)
    return role


def refuse_below(role: TeamRole, needed: TeamRole, doing: str) -> None:
    """Refuse a member whose `role` is below `needed`, saying what `doing` takes.

    Raises:
        PermissionDeniedError: `role` is below `needed`.
    """
    if not role.at_least(needed):
        raise PermissionDeniedError(
            f"A {role.value} of this team cannot {doing}; that takes {_a(needed)} or above."
        )


def project_for(
    session: Session,
    user_id: uuid.UUID,
    project_id: uuid.UUID,
    needed: TeamRole = TeamRole.VIEWER,
    doing: str = "do this",
) -> Project:
    """The project, if the user may do what `needed` may with it: a personal project is its
    owner's alone; a team's, its members' as their role allows.

    Raises:
        NotFoundError: no such project, or not the user's nor one of the user's teams'.
        PermissionDeniedError: a member of its team whose role is below `needed`.
    """
    project = session.get(Project, project_id)
    if project is not None and project.team_id is None and project.user_id == user_id:
        return project
    role = (
        None
        if project is None or project.team_id is None
        else role_in(session, project.team_id, user_id)
    )
    if project is None or role is None:
        raise NotFoundError("No project with this id.")
    refuse_below(role, needed, doing)
    return project


def audience(session: Session, project: Project) -> list[uuid.UUID]:
    """Whose open tabs follow a project live: its team's members, or its owner."""
    if project.team_id is None:
        return [project.user_id]
    return list(
        session.exec(select(Membership.user_id).where(Membership.team_id == project.team_id))
    )


def may_read_review(session: Session, user_id: uuid.UUID, review: Review) -> bool:
    """Whether the user may read `review`: a team's review by its members, another by its
    author."""
    if review.team_id is None:
        return review.user_id == user_id
    return role_in(session, review.team_id, user_id) is not None


def teams_of(user_id: uuid.UUID):
    """The ids of the user's teams, as a subquery."""
    return select(Membership.team_id).where(Membership.user_id == user_id)


def visible_projects(user_id: uuid.UUID):
    """The condition on `Project` rows the user may read: personal ones and their teams'."""
    return or_(
        and_(Project.team_id.is_(None), Project.user_id == user_id),
        Project.team_id.in_(teams_of(user_id)),
    )


def _a(role: TeamRole) -> str:
    """The role with its article: "a maintainer", "an owner"."""
    return f"{'an' if role.value[0] in 'aeiou' else 'a'} {role.value}"
