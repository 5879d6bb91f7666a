"""pull request runs: when their next step was queued

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 13:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import review_app.models

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision: runs there already count as queued when they were created."""
    column = sa.Column("queued_at", review_app.models.UTCDateTime(timezone=True), nullable=True)
    with op.batch_alter_table("pull_request_runs", schema=None) as batch_op:
        batch_op.add_column(column)
    op.execute("UPDATE pull_request_runs SET queued_at = created_at")
    with op.batch_alter_table("pull_request_runs", schema=None) as batch_op:
        batch_op.alter_column("queued_at", nullable=False)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("pull_request_runs", schema=None) as batch_op:
        batch_op.drop_column("queued_at")
