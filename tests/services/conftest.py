"""Fixtures for service tests: a user on the parametrized database."""

import uuid

import pytest

from review_app.db import session_scope
from review_app.services.accounts import users as accounts


@pytest.fixture
def user_id(database_url: str, redis_client) -> uuid.UUID:
    """A registered user's id."""
    with session_scope() as session:
        user = accounts.create_user(
            session=session, email="ada@example.com", password="correct horse battery"
        )
        return user.id
