"""Accounts: users, their logins (refresh tokens) and the audit log."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import String
from sqlmodel import Field, SQLModel

from review_app.models.columns import UTCDateTime, utcnow


class Role(StrEnum):
    """What a user may do."""

    USER = "user"
    ADMIN = "admin"


class User(SQLModel, table=True):
    """A person who signs in; the email is stored lower-cased so it is unique in any case."""

    __tablename__ = "users"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    email: str = Field(max_length=320, unique=True, index=True)
    password_hash: str | None = Field(default=None, max_length=255)  # None: single sign-on only
    role: Role = Field(default=Role.USER, sa_type=String(16))
    disabled: bool = Field(default=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class SsoIdentity(SQLModel, table=True):
    """A user's account at an OpenID Connect provider, linked by its verified email."""

    __tablename__ = "sso_identities"

    issuer: str = Field(max_length=255, primary_key=True)
    subject: str = Field(max_length=255, primary_key=True)
    user_id: uuid.UUID = Field(foreign_key="users.id", index=True, ondelete="CASCADE")
    linked_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class RefreshToken(SQLModel, table=True):
    """One refresh token; every token of one login shares a family, revoked together."""

    __tablename__ = "refresh_tokens"

    jti: uuid.UUID = Field(primary_key=True)
    family_id: uuid.UUID = Field(index=True)
    user_id: uuid.UUID = Field(foreign_key="users.id", index=True, ondelete="CASCADE")
    issued_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class AuditEvent(SQLModel, table=True):
    """Who did what, when: sign-ins, sign-outs and every admin action."""

    __tablename__ = "audit_events"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    actor_id: uuid.UUID | None = Field(default=None, foreign_key="users.id", ondelete="SET NULL")
    actor_email: str | None = Field(default=None, max_length=320)
    action: str = Field(max_length=64, index=True)
    target: str | None = Field(default=None, max_length=320)
    ip: str | None = Field(default=None, max_length=64)
    detail: str | None = Field(default=None, max_length=1000)
