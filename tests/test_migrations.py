"""The Alembic migrations build exactly the SQLModel schema, on SQLite and PostgreSQL."""

from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from review_app import models  # noqa: F401  (registers the tables)
from review_app.db import alembic_config, engine_for, upgrade_to_head
from review_app.services.errors import NotFoundError
from review_app.services.projects import store
from review_app.services.reviews import submissions
from support.seed import add_project, add_review, add_user


def test_head_matches_the_models(database_url: str) -> None:
    with engine_for(database_url).connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []


def test_downgrade_to_base_and_back_again(database_url: str) -> None:
    engine = engine_for(database_url)
    command.downgrade(alembic_config(database_url), "base")
    assert "users" not in inspect(engine).get_table_names()
    upgrade_to_head(database_url)
    assert "users" in inspect(engine).get_table_names()


def test_upgrading_twice_is_harmless(database_url: str) -> None:
    upgrade_to_head(database_url)
    with engine_for(database_url).connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() is not None


def test_work_from_before_teams_stays_its_users_personal_work(database_url: str) -> None:
    """Going back before teams (0009) and up again loses nothing: projects, files and
    reviews are their users' personal work, readable by them alone."""
    user_id, _ = add_user()
    other_id, _ = add_user()
    project_id = add_project(user_id, {"app.py": "print('hi')\n"})
    review_id = add_review(user_id, datetime(2026, 11, 30, tzinfo=UTC))
    command.downgrade(alembic_config(database_url), "0009")
    assert "teams" not in inspect(engine_for(database_url)).get_table_names()
    upgrade_to_head(database_url)

    listing = store.list_projects(user_id=user_id)
    assert [(item.id, item.team_id) for item in listing.items] == [(project_id, None)]
    assert [
        file.path for file in store.get_project(user_id=user_id, project_id=project_id).files
    ] == ["app.py"]
    assert submissions.get_review(user_id=user_id, review_id=review_id).id == review_id
    assert store.list_projects(user_id=other_id).total == 0
    with pytest.raises(NotFoundError):
        submissions.get_review(user_id=other_id, review_id=review_id)
