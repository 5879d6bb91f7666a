"""The rate limits in force, and the ones an administrator sets on the admin page: for
everyone, for the members of a team, or for one user (admins only)."""

import uuid
from datetime import datetime

from limits import parse
from pydantic import BaseModel, Field
from sqlmodel import Session, col, select

from review_app.db import session_scope
from review_app.models import LimitOverride, Team, User, utcnow
from review_app.services import audit, limit_overrides, rate_limits
from review_app.services.accounts.identity import CurrentUser
from review_app.services.errors import InvalidQueryError, NotFoundError
from review_app.services.permissions import require_admin

EVERYONE = "everyone"


class OverrideView(BaseModel):
    """A rate an administrator set."""

    id: int
    rule: rate_limits.Rule
    rate: str
    applies_to: str = Field(description='"everyone", "team <name>" or a user\'s email.')
    set_by: str | None
    set_at: datetime


def limits_in_force(
    *, actor: CurrentUser, email: str | None = None
) -> list[rate_limits.RuleInForce]:
    """Every rule with the rate in force for everyone, or for the user of `email`, and where
    that rate comes from.

    Raises:
        AdminOnlyError: `actor` is not an admin.
        NotFoundError: no user with this email.
    """
    require_admin(actor)
    if not email:
        return rate_limits.rules_in_force()
    with session_scope() as session:
        user_id = _user_id(session, email)
    return rate_limits.rules_in_force(user_id)


def list_overrides(*, actor: CurrentUser) -> list[OverrideView]:
    """Every rate an administrator set, by rule.

    Raises:
        AdminOnlyError: `actor` is not an admin.
    """
    require_admin(actor)
    with session_scope() as session:
        rows = session.exec(
            select(LimitOverride).order_by(col(LimitOverride.rule), col(LimitOverride.id))
        ).all()
        return [_view(session, row) for row in rows]


def set_override(
    *,
    actor: CurrentUser,
    rule: rate_limits.Rule,
    rate: str,
    user_email: str | None = None,
    team: str | None = None,
    ip: str | None = None,
) -> OverrideView:
    """Set the rule's rate for everyone, the members of `team` (its id or name) or the user
    of `user_email`, replacing the rate set there before.

    Raises:
        AdminOnlyError: `actor` is not an admin.
        InvalidQueryError: a rate the limiter cannot read, both a team and a user, or a team
            or user rate for a rule that counts per address.
        NotFoundError: no such user or team.
    """
    require_admin(actor)
    rate = _checked_rate(rate)
    if user_email and team:
        raise InvalidQueryError("A rate is for everyone, a team or a user: not both.")
    if (user_email or team) and rule not in rate_limits.PER_USER:
        raise InvalidQueryError(
            f"The {rule.value} limit counts {rate_limits.COUNTED_PER[rule]}: "
            "it can only be set for everyone."
        )
    with session_scope() as session:
        user_id = _user_id(session, user_email) if user_email else None
        team_id = _team_id(session, team) if team else None
        row = session.exec(
            select(LimitOverride).where(
                LimitOverride.rule == rule.value,
                LimitOverride.user_id == user_id,
                LimitOverride.team_id == team_id,
            )
        ).first() or LimitOverride(rule=rule.value, user_id=user_id, team_id=team_id, rate=rate)
        row.rate, row.set_by, row.set_at = rate, actor.id, utcnow()
        session.add(row)
        session.flush()
        view = _view(session, row)
        _log(session, audit.AuditAction.LIMIT_SET, actor, view, ip)
    limit_overrides.forget()
    return view


def remove_override(*, actor: CurrentUser, override_id: int, ip: str | None = None) -> None:
    """Remove a rate an administrator set: the rule's next source holds again.

    Raises:
        AdminOnlyError: `actor` is not an admin.
        NotFoundError: no such override.
    """
    require_admin(actor)
    with session_scope() as session:
        row = session.get(LimitOverride, override_id)
        if row is None:
            raise NotFoundError("No such rate limit set by an administrator.")
        session.delete(row)
        _log(session, audit.AuditAction.LIMIT_REMOVE, actor, _view(session, row), ip)
    limit_overrides.forget()


def _log(
    session: Session,
    action: audit.AuditAction,
    actor: CurrentUser,
    view: OverrideView,
    ip: str | None,
) -> None:
    target = f"{view.rule.value} for {view.applies_to}"
    audit.record(
        session=session, action=action, actor=actor, target=target, ip=ip, detail=view.rate
    )


def _checked_rate(rate: str) -> str:
    text = " ".join(rate.split())
    try:
        item = parse(text)
    except ValueError as error:
        raise InvalidQueryError(
            f"{text[:60]!r} is not a rate: write it as 30/minute, 500/hour or 10000/day."
        ) from error
    if item.amount < 1 or item.get_expiry() < 1:
        raise InvalidQueryError(
            "A rate allows at least one request in a window of a second or more."
        )
    return text


def _user_id(session: Session, email: str) -> uuid.UUID:
    user = session.exec(select(User).where(User.email == email.strip().lower())).first()
    if user is None:
        raise NotFoundError("No user with this email.")
    return user.id


def _team_id(session: Session, team: str) -> uuid.UUID:
    """The team of this id, or the one team of this name."""
    try:
        found = session.get(Team, uuid.UUID(team))
    except ValueError:
        found = None
    if found is not None:
        return found.id
    named = session.exec(select(Team.id).where(Team.name == team.strip())).all()
    if len(named) > 1:
        raise InvalidQueryError(f"{len(named)} teams are called {team.strip()!r}: give its id.")
    if not named:
        raise NotFoundError("No team with this name or id.")
    return named[0]


def _view(session: Session, row: LimitOverride) -> OverrideView:
    if row.user_id is not None:
        user = session.get(User, row.user_id)
        applies_to = user.email if user else "a removed user"
    elif row.team_id is not None:
        team = session.get(Team, row.team_id)
        applies_to = f"team {team.name}" if team else "a removed team"
    else:
        applies_to = EVERYONE
    setter = session.get(User, row.set_by) if row.set_by else None
    return OverrideView(
        id=row.id or 0,
        rule=rate_limits.Rule(row.rule),
        rate=row.rate,
        applies_to=applies_to,
        set_by=setter.email if setter else None,
        set_at=row.set_at,
    )
