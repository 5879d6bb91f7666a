"""Reviews and projects: submissions and their results, the cache, projects and their reviews."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Index, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from review_app.models.columns import UTCDateTime, utcnow


class ReviewStatus(StrEnum):
    """Where a review is in its life; completed and failed are final."""

    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"


class Review(SQLModel, table=True):
    """One submission and, once finished, its result (a `ReviewResult` as JSON)."""

    __tablename__ = "reviews"
    __table_args__ = (Index("ix_reviews_user_id_created_at", "user_id", "created_at"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = Field(foreign_key="users.id", index=True, ondelete="CASCADE")
    language: str = Field(max_length=32, index=True)
    filename: str | None = Field(default=None, max_length=255)
    code: str = Field(sa_type=Text)
    cache_key: str = Field(max_length=64, index=True)
    status: ReviewStatus = Field(default=ReviewStatus.PENDING, sa_type=String(16), index=True)
    progress: int = Field(default=0, ge=0, le=100)
    stage: str = Field(default="queued", max_length=32)
    error: str | None = Field(default=None, max_length=1000)  # why it failed, for a person
    cached: bool = Field(default=False)
    result: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    score: int | None = Field(default=None)
    llm_state: str | None = Field(default=None, max_length=16)
    prompt_tokens: int = Field(default=0)
    completion_tokens: int = Field(default=0)
    total_tokens: int = Field(default=0)
    attempts: int = Field(default=0)  # deliveries to a worker, capped
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    queued_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)  # last enqueue
    started_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Set on the review of one file of a project review, with the file's path in the project.
    project_review_id: uuid.UUID | None = Field(
        default=None, foreign_key="project_reviews.id", index=True, ondelete="CASCADE"
    )
    path: str | None = Field(default=None, max_length=1024)
    context: dict[str, Any] | None = Field(default=None, sa_type=JSON)  # a ReviewContext
    # The request that submitted it (X-Request-ID, or made at a browser submission): every log
    # line of its submission, runs and pushes names it.
    request_id: str | None = Field(default=None, max_length=64)
    # The team whose project it reviews (its members read it); None: the user's own.
    team_id: uuid.UUID | None = Field(
        default=None, foreign_key="teams.id", index=True, ondelete="CASCADE"
    )


class ReviewFinding(SQLModel, table=True):
    """One finding of a completed review, flattened so reports can GROUP BY in SQL."""

    __tablename__ = "review_findings"
    __table_args__ = (Index("ix_review_findings_user_id_created_at", "user_id", "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    review_id: uuid.UUID = Field(foreign_key="reviews.id", index=True, ondelete="CASCADE")
    user_id: uuid.UUID = Field(foreign_key="users.id", index=True, ondelete="CASCADE")
    created_at: datetime = Field(sa_type=UTCDateTime, index=True)  # the review's
    language: str = Field(max_length=32)
    severity: str = Field(max_length=16)
    category: str = Field(max_length=32)
    rule: str | None = Field(default=None, max_length=100)
    title: str = Field(max_length=300)
    source: str = Field(max_length=16)  # the first tool that reported it
    sources: str = Field(max_length=200)  # every tool, comma-separated
    line: int


class CachedResult(SQLModel, table=True):
    """The durable copy of a review result, reused for identical submissions by anyone."""

    __tablename__ = "cached_results"

    cache_key: str = Field(primary_key=True, max_length=64)
    result: dict[str, Any] = Field(sa_type=JSON)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    hit_count: int = Field(default=0)


class Project(SQLModel, table=True):
    """A named set of files a user owns, unpacked from an uploaded archive."""

    __tablename__ = "projects"
    __table_args__ = (Index("ix_projects_user_id_created_at", "user_id", "created_at"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = Field(foreign_key="users.id", ondelete="CASCADE")  # indexed above
    # The team it belongs to; None: the user's personal project.
    team_id: uuid.UUID | None = Field(
        default=None, foreign_key="teams.id", index=True, ondelete="CASCADE"
    )
    name: str = Field(max_length=100)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    total_bytes: int  # of the files kept
    file_count: int  # files kept
    skipped: list[dict[str, str]] = Field(default_factory=list, sa_type=JSON)  # path, reason
    ignored_count: int = Field(default=0)  # entries left out by the ignore lists


class ProjectFile(SQLModel, table=True):
    """One text file of a project; `language` is None for a file no analyzer reviews."""

    __tablename__ = "project_files"
    __table_args__ = (UniqueConstraint("project_id", "path", name="uq_project_files_path"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: uuid.UUID = Field(foreign_key="projects.id", ondelete="CASCADE")
    path: str = Field(max_length=1024)  # relative to the project's root, "/"-separated
    language: str | None = Field(default=None, max_length=32)
    size: int  # UTF-8 bytes
    sha256: str = Field(max_length=64)
    content: str = Field(sa_type=Text)


class ProjectReview(SQLModel, table=True):
    """One review of a whole project: a `Review` per reviewable file, summed up once all end."""

    __tablename__ = "project_reviews"
    __table_args__ = (
        Index("ix_project_reviews_project_id_created_at", "project_id", "created_at"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    project_id: uuid.UUID = Field(foreign_key="projects.id", ondelete="CASCADE")  # indexed above
    user_id: uuid.UUID = Field(foreign_key="users.id", index=True, ondelete="CASCADE")
    status: ReviewStatus = Field(default=ReviewStatus.RUNNING, sa_type=String(16))
    file_count: int  # files reviewed (those in a supported language; a change's: changed ones)
    # A change review: the review of the base's versions of the files that changed.
    base_review_id: uuid.UUID | None = Field(
        default=None, foreign_key="project_reviews.id", ondelete="SET NULL"
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    score: int | None = Field(default=None)
    summary: dict[str, Any] | None = Field(default=None, sa_type=JSON)  # a ProjectSummary
    # Files in a supported language left out (generated, vendored): path and reason.
    skipped: list[dict[str, str]] = Field(default_factory=list, sa_type=JSON)
