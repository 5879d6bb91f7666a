"""The audit log as admins read it: newest first, filtered by action and actor."""

import uuid
from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import func
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import AuditEvent
from review_app.services.accounts.identity import CurrentUser
from review_app.services.paging import DEFAULT_PAGE_SIZE, checked_limit, checked_search
from review_app.services.permissions import require_admin


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
