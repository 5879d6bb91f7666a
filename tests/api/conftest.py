"""The REST API in-process, over real Redis and a real database."""

import pytest
from fastapi.testclient import TestClient

from review_app.api.app import create_api


@pytest.fixture
def api(database_url: str, redis_client) -> TestClient:
    """A client of the REST API on the parametrized database."""
    return TestClient(create_api())
