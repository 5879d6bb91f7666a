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
    """Apply migrations on a live connection.

    SQLite alters a table by copying it into a new one and dropping the old (batch mode); with
    foreign keys enforced, that drop would delete every row that refers to the table (ON DELETE
    CASCADE), so they are off while migrating (the pragma only works outside a transaction),
    checked once done, and on again for whoever uses the connection next.
    """
    engine = engine_for(database_url())
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()  # so Alembic begins (and commits) a transaction of its own
        try:
            context.configure(
                connection=connection, target_metadata=target_metadata, render_as_batch=sqlite
            )
            with context.begin_transaction():
                context.run_migrations()
            if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                raise RuntimeError("the migration left rows that refer to missing rows")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
