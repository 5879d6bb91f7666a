"""What a team makes of a project's findings: decisions on single findings, and a baseline
that accepts every finding of one review."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from review_app.models.columns import UTCDateTime, utcnow


class DecisionKind(StrEnum):
    """What a team decided about a finding: it stays listed, marked, and leaves the gate."""

    FALSE_POSITIVE = "false_positive"
    WONT_FIX = "wont_fix"
    ACCEPTED_RISK = "accepted_risk"


class FindingDecision(SQLModel, table=True):
    """A decision on a finding of a project, by its fingerprint: it holds wherever the line moves
    and in every later review of the project (and of changes to it)."""

    __tablename__ = "finding_decisions"
    __table_args__ = (
        UniqueConstraint("project_id", "path", "fingerprint", name="uq_finding_decisions"),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: uuid.UUID = Field(foreign_key="projects.id", index=True, ondelete="CASCADE")
    path: str = Field(max_length=1024)
    fingerprint: str = Field(max_length=32)
    rule: str | None = Field(default=None, max_length=100)
    title: str = Field(max_length=300)
    kind: DecisionKind = Field(sa_type=String(16))
    comment: str = Field(default="", sa_type=Text)
    decided_by: uuid.UUID | None = Field(default=None, foreign_key="users.id", ondelete="SET NULL")
    decided_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ProjectBaseline(SQLModel, table=True):
    """A project's baseline: the findings of one of its reviews, accepted. Later reviews hide
    them until they change (a finding is known by its fingerprint, wherever its line moves)."""

    __tablename__ = "project_baselines"

    project_id: uuid.UUID = Field(foreign_key="projects.id", primary_key=True, ondelete="CASCADE")
    project_review_id: uuid.UUID | None = Field(
        default=None, foreign_key="project_reviews.id", ondelete="SET NULL"
    )
    findings: int = 0
    set_by: uuid.UUID | None = Field(default=None, foreign_key="users.id", ondelete="SET NULL")
    set_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class BaselineFinding(SQLModel, table=True):
    """How many findings with one fingerprint a file had when its project's baseline was set."""

    __tablename__ = "baseline_findings"

    id: int | None = Field(default=None, primary_key=True)
    project_id: uuid.UUID = Field(foreign_key="projects.id", index=True, ondelete="CASCADE")
    path: str = Field(max_length=1024)
    fingerprint: str = Field(max_length=32)
    count: int = 1
