"""Rate limits an administrator set on the admin page: for everyone, for a team's members, or
for one user. They win over the settings' `RATE_LIMIT_<RULE>` values."""

import uuid
from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from review_app.models.columns import UTCDateTime, utcnow


class LimitOverride(SQLModel, table=True):
    """One rule's rate for everyone (no team, no user), a team's members, or one user."""

    __tablename__ = "limit_overrides"
    __table_args__ = (Index("ix_limit_overrides_scope", "rule", "team_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    rule: str = Field(max_length=40)
    team_id: uuid.UUID | None = Field(default=None, foreign_key="teams.id", ondelete="CASCADE")
    user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id", ondelete="CASCADE")
    rate: str = Field(max_length=60)  # in the `limits` notation, e.g. "30/minute"
    set_by: uuid.UUID | None = Field(default=None, foreign_key="users.id", ondelete="SET NULL")
    set_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
