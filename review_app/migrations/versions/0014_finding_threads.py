"""finding threads: comments, assignee and status per finding

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 21:37:21.339698
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import review_app.models

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "finding_threads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("path", sqlmodel.sql.sqltypes.AutoString(length=1024), nullable=False),
        sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("rule", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("assignee_id", sa.Uuid(), nullable=True),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column(
            "created_at", review_app.models.columns.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "resolved_at", review_app.models.columns.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "reopened_at", review_app.models.columns.UTCDateTime(timezone=True), nullable=True
        ),
        sa.ForeignKeyConstraint(["assignee_id"], ["users.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("project_id", "path", "fingerprint", name="uq_finding_threads"),
    )
    with op.batch_alter_table("finding_threads", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_finding_threads_project_id"), ["project_id"], unique=False
        )

    op.create_table(
        "finding_comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("reply_to", sa.Integer(), nullable=True),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "created_at", review_app.models.columns.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["reply_to"], ["finding_comments.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["thread_id"], ["finding_threads.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("finding_comments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_finding_comments_thread_id"), ["thread_id"], unique=False
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("finding_comments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finding_comments_thread_id"))

    op.drop_table("finding_comments")
    with op.batch_alter_table("finding_threads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finding_threads_project_id"))

    op.drop_table("finding_threads")
