"""change reviews

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 04:26:05.814076
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("project_reviews", schema=None) as batch_op:
        batch_op.add_column(sa.Column("base_review_id", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(
            "fk_project_reviews_base_review_id",
            "project_reviews",
            ["base_review_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("project_reviews", schema=None) as batch_op:
        batch_op.drop_constraint("fk_project_reviews_base_review_id", type_="foreignkey")
        batch_op.drop_column("base_review_id")
