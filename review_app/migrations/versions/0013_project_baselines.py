"""project baselines: a review's findings accepted, hidden until they change

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 20:19:52.760184
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import review_app.models

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "baseline_findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("path", sqlmodel.sql.sqltypes.AutoString(length=1024), nullable=False),
        sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("baseline_findings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_baseline_findings_project_id"), ["project_id"], unique=False
        )

    op.create_table(
        "project_baselines",
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("project_review_id", sa.Uuid(), nullable=True),
        sa.Column("findings", sa.Integer(), nullable=False),
        sa.Column("set_by", sa.Uuid(), nullable=True),
        sa.Column("set_at", review_app.models.columns.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["project_review_id"], ["project_reviews.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["set_by"], ["users.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("project_id"),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("project_baselines")
    with op.batch_alter_table("baseline_findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_baseline_findings_project_id"))

    op.drop_table("baseline_findings")
