"""What a team makes of a project's findings: decisions on single findings, a baseline that
accepts every finding of one review, and conversations about findings."""

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


class FindingOfProject(SQLModel):
    """The columns that name one finding of a project, wherever its line moves: its file and
    its fingerprint, with its rule and title for people to read."""

    id: int | None = Field(default=None, primary_key=True)
    project_id: uuid.UUID = Field(foreign_key="projects.id", index=True, ondelete="CASCADE")
    path: str = Field(max_length=1024)
    fingerprint: str = Field(max_length=32)
    rule: str | None = Field(default=None, max_length=100)
    title: str = Field(max_length=300)


class FindingDecision(FindingOfProject, table=True):
    """A decision on a finding of a project, by its fingerprint: it holds wherever the line moves
    and in every later review of the project (and of changes to it)."""

    __tablename__ = "finding_decisions"
    __table_args__ = (
        UniqueConstraint("project_id", "path", "fingerprint", name="uq_finding_decisions"),
    )

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


class ThreadStatus(StrEnum):
    """Where a conversation about a finding is: open until someone resolves it."""

    OPEN = "open"
    RESOLVED = "resolved"


class FindingThread(FindingOfProject, table=True):
    """A conversation about one finding of a project, by fingerprint: comments, an assignee and
    a status; a resolved finding found again by a later review is reopened."""

    __tablename__ = "finding_threads"
    __table_args__ = (
        UniqueConstraint("project_id", "path", "fingerprint", name="uq_finding_threads"),
    )

    status: ThreadStatus = Field(default=ThreadStatus.OPEN, sa_type=String(16))
    assignee_id: uuid.UUID | None = Field(default=None, foreign_key="users.id", ondelete="SET NULL")
    created_by: uuid.UUID | None = Field(default=None, foreign_key="users.id", ondelete="SET NULL")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    resolved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    reopened_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class FindingComment(SQLModel, table=True):
    """A comment in a finding's conversation, maybe a reply to another; no author: the
    platform's own note (a reopening)."""

    __tablename__ = "finding_comments"

    id: int | None = Field(default=None, primary_key=True)
    thread_id: int = Field(foreign_key="finding_threads.id", index=True, ondelete="CASCADE")
    reply_to: int | None = Field(
        default=None, foreign_key="finding_comments.id", ondelete="SET NULL"
    )
    author_id: uuid.UUID | None = Field(default=None, foreign_key="users.id", ondelete="SET NULL")
    body: str = Field(sa_type=Text)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
