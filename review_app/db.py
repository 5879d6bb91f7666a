"""Database engine and sessions, plus migrations to head with Alembic."""

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, event
from sqlalchemy.pool import NullPool
from sqlmodel import Session, create_engine

from review_app.settings import get_settings

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# libpq's own limits, so a connection whose link went dead fails in seconds (OperationalError,
# which the tasks retry) instead of waiting on the socket until a time limit kills the task.
POSTGRES_CONNECT_ARGS = {
    "connect_timeout": 5,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "tcp_user_timeout": 10_000,  # ms a sent query may stay unacknowledged
}


@cache
def engine_for(url: str) -> Engine:
    """One pooled engine per database URL, with SQLite tuned for concurrent processes."""
    if url.startswith("sqlite"):
        database = url.split("///", 1)[-1]
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _tune_sqlite)
        return engine
    return create_engine(url, pool_pre_ping=True, connect_args=POSTGRES_CONNECT_ARGS)


@cache
def probe_engine_for(url: str) -> Engine:
    """An engine of one connection for health probes, apart from the app's pool: a pool busy
    with requests is not an outage."""
    if url.startswith("sqlite"):  # a file: a connection of its own per probe costs nothing
        return create_engine(url, poolclass=NullPool, connect_args={"check_same_thread": False})
    return create_engine(
        url, pool_size=1, max_overflow=0, pool_pre_ping=True, connect_args=POSTGRES_CONNECT_ARGS
    )


def _tune_sqlite(dbapi_connection, _record) -> None:
    """WAL lets the web app read while the worker writes; foreign keys are off by default."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def get_engine() -> Engine:
    """The engine of the configured database."""
    return engine_for(get_settings().effective_database_url)


@contextmanager
def session_scope() -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    with Session(get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def alembic_config(url: str | None = None) -> Config:
    """Alembic configuration for `url` (the configured database by default)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url or get_settings().effective_database_url)
    config.attributes["configure_logger"] = False
    return config


def upgrade_to_head(url: str | None = None) -> None:
    """Create or upgrade the schema to the newest migration."""
    command.upgrade(alembic_config(url), "head")
