"""Code hosts: connected repositories, webhook deliveries, pull request reviews and comments."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, BigInteger, Index, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from review_app.models.columns import UTCDateTime, utcnow


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
