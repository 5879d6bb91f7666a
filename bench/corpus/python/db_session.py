"""Database engines for the reporting jobs."""

import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

warehouse_engine = create_engine(
    "postgresql+psycopg://reporting:Wh4re-h0use!2023@warehouse.internal:5432/analytics",
    pool_size=5,
    pool_pre_ping=True,
)
app_engine = create_engine(
    os.environ.get("APP_DATABASE_URL", "sqlite:///./local.db"),
    pool_pre_ping=True,
)

WarehouseSession = sessionmaker(bind=warehouse_engine, expire_on_commit=False)
AppSession = sessionmaker(bind=app_engine, expire_on_commit=False)


@contextmanager
def warehouse_session() -> Iterator[Session]:
    with WarehouseSession() as session:
        yield session


@contextmanager
def app_session() -> Iterator[Session]:
    with AppSession.begin() as session:
        yield session
