"""teams: workspaces, memberships, invitations; projects and reviews may belong to a team

Existing projects and reviews keep a NULL team: they stay their users' personal work.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 16:12:36.642152
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import review_app.models

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "teams",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("created_at", review_app.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "team_invitations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("team_id", sa.Uuid(), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("invited_by", sa.Uuid(), nullable=True),
        sa.Column("created_at", review_app.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", review_app.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["invited_by"], ["users.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("team_invitations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_invitations_team_id"), ["team_id"], unique=False)

    op.create_table(
        "team_memberships",
        sa.Column("team_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("joined_at", review_app.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("team_id", "user_id"),
    )
    with op.batch_alter_table("team_memberships", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_memberships_user_id"), ["user_id"], unique=False)

    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.add_column(sa.Column("team_id", sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f("ix_projects_team_id"), ["team_id"], unique=False)
        batch_op.create_foreign_key(
            "fk_projects_team_id", "teams", ["team_id"], ["id"], ondelete="CASCADE"
        )

    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.add_column(sa.Column("team_id", sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f("ix_reviews_team_id"), ["team_id"], unique=False)
        batch_op.create_foreign_key(
            "fk_reviews_team_id", "teams", ["team_id"], ["id"], ondelete="CASCADE"
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_constraint("fk_reviews_team_id", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_reviews_team_id"))
        batch_op.drop_column("team_id")

    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_constraint("fk_projects_team_id", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_projects_team_id"))
        batch_op.drop_column("team_id")

    with op.batch_alter_table("team_memberships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_memberships_user_id"))

    op.drop_table("team_memberships")
    with op.batch_alter_table("team_invitations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_invitations_team_id"))

    op.drop_table("team_invitations")
    op.drop_table("teams")
