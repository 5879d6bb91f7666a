"""pull requests

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 07:27:07.012091
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import review_app.models

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "repository_connections",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("host", sa.String(length=16), nullable=False),
        sa.Column("repository", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("api_url", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("sealed_token", sa.Text(), nullable=False),
        sa.Column("sealed_webhook_secret", sa.Text(), nullable=False),
        sa.Column("app_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.Column("installation_id", sa.BigInteger(), nullable=True),
        sa.Column("token_hint", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("fail_on", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("max_files", sa.Integer(), nullable=False),
        sa.Column("created_at", review_app.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_error_at", review_app.models.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("host", "repository", name="uq_repository_connections"),
    )
    with op.batch_alter_table("repository_connections", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_repository_connections_user_id"), ["user_id"], unique=False
        )

    op.create_table(
        "pull_request_comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("connection_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("comment_id", sa.BigInteger(), nullable=False),
        sa.Column("thread_id", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("path", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("fixed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["connection_id"], ["repository_connections.id"], ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "connection_id", "number", "fingerprint", name="uq_pull_request_comments"
        ),
    )
    op.create_table(
        "webhook_deliveries",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("connection_id", sa.Uuid(), nullable=False),
        sa.Column("received_at", review_app.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["connection_id"], ["repository_connections.id"], ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "pull_request_runs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("connection_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("head_sha", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("project_review_id", sa.Uuid(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("patches", sa.JSON(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_at", review_app.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", review_app.models.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["connection_id"], ["repository_connections.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["project_review_id"], ["project_reviews.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pull_request_runs", schema=None) as batch_op:
        batch_op.create_index(
            "ix_pull_request_runs_number", ["connection_id", "number"], unique=False
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("pull_request_runs", schema=None) as batch_op:
        batch_op.drop_index("ix_pull_request_runs_number")
    op.drop_table("pull_request_runs")
    op.drop_table("webhook_deliveries")
    op.drop_table("pull_request_comments")
    with op.batch_alter_table("repository_connections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_repository_connections_user_id"))

    op.drop_table("repository_connections")
