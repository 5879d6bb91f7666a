"""Alembic environment over the SQLModel metadata (SQLite and PostgreSQL)."""

from alembic import context
from sqlmodel import SQLModel

from review_app import models  # noqa: F401  (registers the tables on the metadata)
from review_app.db import engine_for
from review_app.settings import get_settings

config = context.config
target_metadata = SQLModel.metadata


def database_url() -> str:
    """The URL given by the caller, or the configured database."""
    return config.get_main_option("sqlalchemy.url") or get_settings().effective_database_url


def run_migrations_offline() -> None:
    """Emit SQL to stdout instead of touching a database."""
    context.configure(url=database_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Apply migrations on a live connection; SQLite needs batch mode to alter tables."""
    engine = engine_for(database_url())
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
