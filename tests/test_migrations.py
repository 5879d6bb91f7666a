"""The Alembic migrations build exactly the SQLModel schema, on SQLite and PostgreSQL."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from review_app import models  # noqa: F401  (registers the tables)
from review_app.db import alembic_config, engine_for, upgrade_to_head


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
