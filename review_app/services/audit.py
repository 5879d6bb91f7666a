"""The audit log: sign-ins, sign-outs and admin actions, kept in the database."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from pydantic import BaseModel
from sqlalchemy import func
from sqlmodel import Session, select

from review_app.db import session_scope
from review_app.models import AuditEvent
from review_app.services.identity import CurrentUser
from review_app.services.paging import DEFAULT_PAGE_SIZE, checked_limit, checked_search
from review_app.services.permissions import require_admin


class AuditAction(StrEnum):
    """What the log records: sign-ins and sign-outs, and admin actions as "<thing>.<verb>"."""

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


class AuditEntry(BaseModel):
    """One line of the audit log."""

    id: int
    created_at: datetime
    actor_id: uuid.UUID | None
    actor_email: str | None
    action: str
    target: str | None
    ip: str | None
    detail: str | None


class AuditPage(BaseModel):
    """A page of the audit log, newest first, and how many events match in all."""

    items: list[AuditEntry]
    total: int
    limit: int
    offset: int


def list_events(
    *,
    actor: CurrentUser,
    action: str | None = None,
    actor_email: str | None = None,
    limit: int = DEFAULT_PAGE_SIZE,
    offset: int = 0,
) -> AuditPage:
    """The log (admins only), newest first: one action exactly, and/or actors whose email
    contains `actor_email`.

    Raises:
        InvalidQueryError: a paging value out of range, or a NUL in a filter.
    """
    require_admin(actor)
    limit = checked_limit(limit, offset)
    action, actor_email = checked_search(action), checked_search(actor_email)
    conditions = []
    if action:
        conditions.append(AuditEvent.action == action)
    if actor_email:
        conditions.append(AuditEvent.actor_email.contains(actor_email.lower(), autoescape=True))
    with session_scope() as session:
        total = session.exec(select(func.count()).select_from(AuditEvent).where(*conditions)).one()
        rows = session.exec(
            select(AuditEvent)
            .where(*conditions)
            .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
            .limit(limit)
            .offset(offset)
        ).all()
        items = [AuditEntry.model_validate(row, from_attributes=True) for row in rows]
    return AuditPage(items=items, total=total, limit=limit, offset=offset)
