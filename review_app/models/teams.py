"""Teams: workspaces, their members and invitations, and workspaces' rule configurations."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import String, Text
from sqlmodel import Field, SQLModel

from review_app.models.columns import UTCDateTime, utcnow


class TeamRole(StrEnum):
    """What a member may do in a team, each role able to do all that the ones after it can."""

    OWNER = "owner"  # members, ownership, and all below
    MAINTAINER = "maintainer"  # invitations, rules and settings files, and all below
    MEMBER = "member"  # projects, files, reviews
    VIEWER = "viewer"  # reads only

    def at_least(self, other: "TeamRole") -> bool:
        """Whether this role may do all that `other` may."""
        order = list(TeamRole)
        return order.index(self) <= order.index(other)


class Team(SQLModel, table=True):
    """A shared workspace: its projects and their reviews belong to its members together."""

    __tablename__ = "teams"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    name: str = Field(max_length=100)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    sso_required: bool = Field(default=False)  # members sign in through single sign-on only


class Membership(SQLModel, table=True):
    """A user's place in a team; a team has exactly one owner."""

    __tablename__ = "team_memberships"

    team_id: uuid.UUID = Field(foreign_key="teams.id", primary_key=True, ondelete="CASCADE")
    user_id: uuid.UUID = Field(
        foreign_key="users.id", primary_key=True, index=True, ondelete="CASCADE"
    )
    role: TeamRole = Field(sa_type=String(16))
    joined_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Invitation(SQLModel, table=True):
    """An invitation for one email address; only the SHA-256 of its link's token is kept."""

    __tablename__ = "team_invitations"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    team_id: uuid.UUID = Field(foreign_key="teams.id", index=True, ondelete="CASCADE")
    email: str = Field(max_length=320)
    role: TeamRole = Field(sa_type=String(16))
    token_hash: str = Field(max_length=64, unique=True)
    invited_by: uuid.UUID | None = Field(default=None, foreign_key="users.id", ondelete="SET NULL")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)


class WorkspaceConfig(SQLModel, table=True):
    """A team's rule configuration, or a user's for their personal work (review_app.toml's
    format); a project's own review_app.toml is layered over it."""

    __tablename__ = "workspace_configs"

    id: int | None = Field(default=None, primary_key=True)
    team_id: uuid.UUID | None = Field(
        default=None, foreign_key="teams.id", unique=True, ondelete="CASCADE"
    )
    user_id: uuid.UUID | None = Field(
        default=None, foreign_key="users.id", unique=True, ondelete="CASCADE"
    )
    text: str = Field(sa_type=Text)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_by: uuid.UUID | None = Field(default=None, foreign_key="users.id", ondelete="SET NULL")
