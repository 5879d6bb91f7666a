"""Admin work on accounts: find users, disable or enable them, promote or demote them.

A change takes effect at once: the user's cached session is dropped, and disabling also ends
every login, so their access and refresh tokens stop working on the next request.
"""

import uuid
from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import func
from sqlmodel import Session, select

from review_app.db import session_scope
from review_app.models import Review, Role, User
from review_app.services import audit
from review_app.services.accounts import auth
from review_app.services.accounts.identity import CurrentUser
from review_app.services.audit import AuditAction
from review_app.services.errors import NotFoundError, OwnAccountError
from review_app.services.paging import DEFAULT_PAGE_SIZE, checked_limit, checked_search
from review_app.services.permissions import require_admin


class ManagedUser(BaseModel):
    """A user as the admin page lists them."""

    id: uuid.UUID
    email: str
    role: Role
    disabled: bool
    created_at: datetime
    reviews: int


class UserPage(BaseModel):
    """One page of a user search, and how many users match in all."""

    items: list[ManagedUser]
    total: int
    limit: int
    offset: int


def _review_count():
    """How many reviews the outer query's user has (a correlated subquery on the user index)."""
    return (
        select(func.count()).select_from(Review).where(Review.user_id == User.id).scalar_subquery()
    )


def search_users(
    *, actor: CurrentUser, query: str = "", limit: int = DEFAULT_PAGE_SIZE, offset: int = 0
) -> UserPage:
    """Users whose email contains `query` (any case), by email, with their review counts.

    Raises:
        InvalidQueryError: a paging value out of range, or a NUL in the query.
    """
    require_admin(actor)
    limit = checked_limit(limit, offset)
    query = checked_search(query)
    conditions = []
    if query:
        conditions.append(User.email.contains(query.lower(), autoescape=True))
    with session_scope() as session:
        total = session.exec(select(func.count()).select_from(User).where(*conditions)).one()
        rows = session.exec(
            select(User, _review_count())
            .where(*conditions)
            .order_by(User.email)
            .limit(limit)
            .offset(offset)
        ).all()
        items = [_managed(user, reviews) for user, reviews in rows]
    return UserPage(items=items, total=total, limit=limit, offset=offset)


def set_disabled(
    *, actor: CurrentUser, user_id: uuid.UUID, disabled: bool, ip: str | None = None
) -> ManagedUser:
    """Disable a user (every login ends at once) or enable them again (they sign in anew).

    Raises:
        NotFoundError: no such user.
        OwnAccountError: an admin cannot disable themselves.
    """
    require_admin(actor)
    if disabled and user_id == actor.id:
        raise OwnAccountError("You cannot disable your own account.")
    with session_scope() as session:
        user = _changed(session, user_id, disabled=disabled)
        action = AuditAction.USER_DISABLE if disabled else AuditAction.USER_ENABLE
        audit.record(session=session, action=action, actor=actor, target=user.email, ip=ip)
        managed = _managed(user, _reviews_of(session, user_id))
    if disabled:
        auth.end_every_login(user_id)
    auth.drop_session_cache(user_id)
    return managed


def set_role(
    *, actor: CurrentUser, user_id: uuid.UUID, role: Role, ip: str | None = None
) -> ManagedUser:
    """Promote a user to admin or demote them to user; it applies to their next request.

    Raises:
        NotFoundError: no such user.
        OwnAccountError: an admin cannot demote themselves.
    """
    require_admin(actor)
    if role != Role.ADMIN and user_id == actor.id:
        raise OwnAccountError("You cannot demote yourself; ask another admin.")
    with session_scope() as session:
        user = _changed(session, user_id, role=role)
        action = AuditAction.USER_PROMOTE if role == Role.ADMIN else AuditAction.USER_DEMOTE
        audit.record(session=session, action=action, actor=actor, target=user.email, ip=ip)
        managed = _managed(user, _reviews_of(session, user_id))
    auth.drop_session_cache(user_id)
    return managed


def _changed(session: Session, user_id: uuid.UUID, **values) -> User:
    """The user with `values` set, or NotFoundError."""
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError("No user with this id.")
    for name, value in values.items():
        setattr(user, name, value)
    session.add(user)
    session.flush()
    return user


def _reviews_of(session: Session, user_id: uuid.UUID) -> int:
    return session.exec(select(func.count()).where(Review.user_id == user_id)).one()


def _managed(user: User, reviews: int) -> ManagedUser:
    return ManagedUser(
        id=user.id,
        email=user.email,
        role=user.role,
        disabled=user.disabled,
        created_at=user.created_at,
        reviews=reviews,
    )
