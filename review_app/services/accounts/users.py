"""Users: registration, lookup, and admin creation."""

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict
from sqlalchemy import func
from sqlmodel import Session, select

from review_app.db import session_scope
from review_app.models import Role, User
from review_app.services import rate_limits
from review_app.services.accounts.email_identity import normalize_email, skeleton
from review_app.services.accounts.passwords import check_password_rules, hash_password
from review_app.services.errors import EmailTakenError, ServiceError


class PublicUser(BaseModel):
    """What a user may see of an account; read from a `User` row or the signed-in user."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    role: Role
    created_at: datetime


def get_user(*, session: Session, user_id: uuid.UUID) -> User | None:
    """The user with this id, if any."""
    return session.get(User, user_id)


def get_user_by_email(*, session: Session, email: str) -> User | None:
    """The user with this (already normalized) email, if any."""
    return session.exec(select(User).where(User.email == email)).first()


def register(*, email: str, password: str, ip: str | None = None) -> PublicUser:
    """Create an account; only a well-formed request counts against the per-IP limit."""
    email = normalize_email(email)
    check_password_rules(password, _personal_words(email))
    rate_limits.enforce(rate_limits.Rule.REGISTER, rate_limits.per_ip(ip))
    with session_scope() as session:
        return PublicUser.model_validate(
            create_user(session=session, email=email, password=password)
        )


def create_user(
    *, session: Session, email: str, password: str | None, role: Role = Role.USER
) -> User:
    """A new account in `session`, checked but not counted (seeding, the admin command, single
    sign-on); one without a password signs in through single sign-on only."""
    email = normalize_email(email)
    if password is not None:
        check_password_rules(password, _personal_words(email))
    if get_user_by_email(session=session, email=email):
        raise EmailTakenError("An account with this email already exists.")
    if _look_alike_exists(session, email):
        raise EmailTakenError("An account with an address that looks like this one exists.")
    password_hash = hash_password(password) if password is not None else None
    user = User(email=email, password_hash=password_hash, role=role)
    session.add(user)
    session.flush()
    return user


def _personal_words(email: str) -> list[str]:
    """The parts of an address a password should not be built from."""
    name, domain = email.split("@", 1)
    return [email, name, *domain.split(".")]


def _look_alike_exists(session: Session, email: str) -> bool:
    """Whether another account's address has the same skeleton (it reads the same).

    Skeletons keep the length, so only addresses of the same length are compared.
    """
    wanted = skeleton(email)
    same_length = session.exec(
        select(User.email).where(func.length(User.email) == len(email), User.email != email)
    ).all()
    return any(skeleton(other) == wanted for other in same_length)


def make_admin(*, session: Session, email: str, password: str | None) -> tuple[User, bool]:
    """Promote an existing user to admin, or create one (a password is then required).

    Returns the user and whether it was created.
    """
    existing = get_user_by_email(session=session, email=normalize_email(email))
    if existing:
        existing.role = Role.ADMIN
        session.add(existing)
        return existing, False
    if password is None:
        raise ServiceError("A new admin needs a password.")
    return create_user(session=session, email=email, password=password, role=Role.ADMIN), True
