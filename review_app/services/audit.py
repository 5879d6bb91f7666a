"""The audit log: sign-ins, sign-outs and admin actions, kept in the database."""

import uuid
from typing import Protocol

from sqlmodel import Session

from review_app.models import AuditEvent


class Actor(Protocol):
    """Whoever acted: a user row or the signed-in user."""

    id: uuid.UUID
    email: str


def record(
    *,
    session: Session,
    action: str,
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
