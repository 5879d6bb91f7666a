"""SQLModel tables: the durable state of the platform."""

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Index,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """A timestamp stored in UTC and read back timezone-aware on SQLite and PostgreSQL alike."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        """Store UTC; SQLite keeps no offset, so drop it there."""
        if value is None:
            return None
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        """Return an aware UTC datetime whatever the backend gave."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Role(StrEnum):
    """What a user may do."""

    USER = "user"
    ADMIN = "admin"


class User(SQLModel, table=True):
    """A person who signs in; the email is stored lower-cased so it is unique in any case."""

    __tablename__ = "users"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    email: str = Field(max_length=320, unique=True, index=True)
    password_hash: str = Field(max_length=255)
    role: Role = Field(default=Role.USER, sa_type=String(16))
    disabled: bool = Field(default=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


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


class CodeHost(StrEnum):
    """Where pull requests come from."""

    GITHUB = "github"
    GITLAB = "gitlab"


class RepositoryConnection(SQLModel, table=True):
    """A repository whose pull requests review_app reviews; its secrets sealed at rest."""

    __tablename__ = "repository_connections"
    __table_args__ = (UniqueConstraint("host", "repository", name="uq_repository_connections"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    host: CodeHost = Field(sa_type=String(16))
    repository: str = Field(max_length=200)  # owner/name (GitLab: the project's path)
    api_url: str = Field(max_length=500)
    # The reviews, and the projects holding a pull request's files, are this user's.
    user_id: uuid.UUID = Field(foreign_key="users.id", index=True, ondelete="CASCADE")
    sealed_token: str = Field(sa_type=Text)  # a token, or a GitHub App's private key (PEM)
    sealed_webhook_secret: str = Field(sa_type=Text)
    app_id: str | None = Field(default=None, max_length=40)  # a GitHub App's, with its key
    installation_id: int | None = Field(default=None, sa_type=BigInteger)
    token_hint: str = Field(max_length=60)  # the token's last characters, or the app's id
    fail_on: str = Field(default="high", max_length=16)  # the status fails at this severity
    max_files: int = Field(default=100)  # larger pull requests are reviewed in part
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    last_error: str | None = Field(default=None, sa_type=Text)
    last_error_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class WebhookDelivery(SQLModel, table=True):
    """A webhook delivery already taken in, by the host's delivery id: a replay is ignored."""

    __tablename__ = "webhook_deliveries"

    id: str = Field(primary_key=True, max_length=200)  # host:delivery id
    connection_id: uuid.UUID = Field(foreign_key="repository_connections.id", ondelete="CASCADE")
    received_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class PullRequestRunStatus(StrEnum):
    """Where a pull request's review stands."""

    QUEUED = "queued"
    REVIEWING = "reviewing"
    PUBLISHED = "published"
    FAILED = "failed"


class PullRequestRun(SQLModel, table=True):
    """One review of a pull request at one head commit."""

    __tablename__ = "pull_request_runs"
    __table_args__ = (Index("ix_pull_request_runs_number", "connection_id", "number"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    connection_id: uuid.UUID = Field(foreign_key="repository_connections.id", ondelete="CASCADE")
    number: int
    head_sha: str = Field(default="", max_length=64)  # "" until the run reads the head
    status: PullRequestRunStatus = Field(default=PullRequestRunStatus.QUEUED, sa_type=String(16))
    project_review_id: uuid.UUID | None = Field(
        default=None, foreign_key="project_reviews.id", ondelete="SET NULL"
    )
    note: str | None = Field(default=None, sa_type=Text)  # e.g. reviewed in part
    patches: dict[str, str] = Field(default_factory=dict, sa_type=JSON)  # path -> the host's diff
    error: str | None = Field(default=None, sa_type=Text)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # When its next step was last queued: by the webhook, the review step or the sweeper.
    queued_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class PostedComment(SQLModel, table=True):
    """A comment review_app posted on a pull request: one per finding (by fingerprint), and the
    summary; so a finding is never posted twice and the summary is edited in place."""

    __tablename__ = "pull_request_comments"
    __table_args__ = (
        UniqueConstraint("connection_id", "number", "fingerprint", name="uq_pull_request_comments"),
    )

    id: int | None = Field(default=None, primary_key=True)
    connection_id: uuid.UUID = Field(foreign_key="repository_connections.id", ondelete="CASCADE")
    number: int
    fingerprint: str = Field(max_length=64)  # SUMMARY for the summary comment
    comment_id: int = Field(sa_type=BigInteger)
    thread_id: str = Field(default="", max_length=100)  # GitLab's discussion
    path: str = Field(default="", max_length=1000)
    body: str = Field(default="", sa_type=Text)  # as posted
    fixed: bool = Field(default=False)
