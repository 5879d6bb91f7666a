"""Fixtures for the reliability tests: the REST API in-process, a signed-in user, LLM answers."""

import json
from collections.abc import Callable

import pytest

from tests.api.conftest import api, bearer, make_user, sign_in

__all__ = ["api", "make_user", "sign_in"]

LLM_FINDING = {
    "title": "eval runs whatever the caller sends",
    "severity": "high",
    "category": "security",
    "line": 7,
}
RUBRIC = {
    name: {"score": 6, "reason": f"{name} could be better"}
    for name in ("correctness", "security", "performance", "readability", "maintainability")
}
LLM_ANSWER = json.dumps(
    {"summary": "Evaluates its input.", "rubric": RUBRIC, "findings": [LLM_FINDING]}
)


# Redis on both databases, as before; RabbitMQ on PostgreSQL (the pairing of a real deployment)
# only: the broker does not depend on the database, and each pairing costs a minute.
BROKERS_AND_DATABASES = [("sqlite", "redis"), ("postgresql", "redis"), ("postgresql", "rabbitmq")]


def on_each_broker(broker_fixture: str = "broker") -> pytest.MarkDecorator:
    """Run a test on each broker (the fixture `broker_fixture` takes "redis" or "rabbitmq")."""
    return pytest.mark.parametrize(
        ("database_url", broker_fixture), BROKERS_AND_DATABASES, indirect=True
    )


@pytest.fixture
def ada(make_user: Callable[..., str], sign_in: Callable[[str], dict], set_env) -> dict:
    """A signed-in user's Authorization header; her submissions are not rate limited."""
    set_env(RATE_LIMIT_SUBMIT="10000/hour")
    make_user("ada@example.com")
    return bearer(sign_in("ada@example.com")["access_token"])
