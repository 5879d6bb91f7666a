"""The audit log: sign-ins, sign-outs and admin actions, kept in the database."""

import uuid
from enum import StrEnum
from typing import Protocol

from sqlmodel import Session

from review_app.models import AuditEvent


class AuditAction(StrEnum):
    """What the log records: sign-ins and sign-outs, and admin and team actions as
    "<thing>.<verb>"."""

    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGIN_REFUSED = "login_refused"
    LOGOUT = "logout"
    USER_DISABLE = "user.disable"
    USER_ENABLE = "user.enable"
    USER_PROMOTE = "user.promote"
    USER_DEMOTE = "user.demote"
    REVIEW_RERUN = "review.rerun"
    CACHE_PURGE = "cache.purge"
    TEAM_CREATE = "team.create"
    TEAM_INVITE = "team.invite"
    TEAM_JOIN = "team.join"
    TEAM_ROLE = "team.role"
    TEAM_REMOVE = "team.remove"
    TEAM_TRANSFER = "team.transfer"
    TEAM_RULES = "team.rules"
    LIMIT_SET = "limit.set"
    LIMIT_REMOVE = "limit.remove"
    SSO_LINK = "sso.link"
    TEAM_SSO = "team.sso"


class Actor(Protocol):
    """Whoever acted: a user row or the signed-in user."""

    id: uuid.UUID
    email: str


def record(
    *,
    session: Session,
    action: AuditAction,
    actor: Actor | None = None,
    target: str | None = None,
    ip: str | None = None,
    detail: str | None = None,
) -> AuditEvent:
    """Add one event to the log (committed with the caller's session)."""
    event = AuditEvent(
        action=action,
        actor_id=actor.id if actor else None,
        actor_email=actor.email if actor else None,
        target=target,
        ip=ip,
        detail=detail[:1000] if detail else None,
    )
    session.add(event)
    return event
