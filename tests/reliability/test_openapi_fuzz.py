"""Every operation of /openapi.json, fuzzed by schemathesis as a signed-in admin.

Boundary values (the coverage phase) and generated inputs, valid and invalid: no answer is a 5xx
and every answer matches the schema. Generation is derandomized, so a run is repeatable; an admin
reaches the admin routes as well as everyone's. PostgreSQL, the stricter database, answers.
"""

import json
from collections.abc import Iterator

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from review_app.api.app import create_api
from review_app.api.errors import document_error_answers
from review_app.db import engine_for, session_scope, upgrade_to_head
from review_app.redis_client import get_redis
from review_app.services.accounts import users as accounts
from review_app.settings import get_settings
from review_app.work_queue.heartbeat import WORKER_KEY_PREFIX
from support.services import postgres_database
from tests.api.conftest import PASSWORD, bearer
from tests.cli.conftest import UNLIMITED

ADMIN = "root@example.com"
LOGOUT = "POST /api/auth/logout"  # ends the session it is given
GENERATED_EXAMPLES = 25  # per operation, after the boundary values

API = create_api()
schema = schemathesis.openapi.from_dict(document_error_answers(API.openapi()))
schema.app = API


class AdminSession:
    """An admin signed in through the API; signs in again after a call ended the session."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.renew()

    def renew(self) -> None:
        """Sign in anew."""
        response = self.client.post("/api/auth/login", json={"email": ADMIN, "password": PASSWORD})
        self.headers = bearer(response.json()["access_token"])


@pytest.fixture(scope="module")
def admin() -> Iterator[AdminSession]:
    """The API on a PostgreSQL database of the module's own, limits out of the way, a worker
    reported alive, and an admin signed in."""
    with postgres_database() as url, pytest.MonkeyPatch.context() as patch:
        for name, value in {"DATABASE_URL": url, **UNLIMITED}.items():
            patch.setenv(name, value)
        get_settings.cache_clear()
        upgrade_to_head(url)
        with session_scope() as session:
            accounts.create_user(session=session, email=ADMIN, password=PASSWORD, role="admin")
        get_redis().set(f"{WORKER_KEY_PREFIX}fuzz@test", json.dumps({}), ex=600)
        yield AdminSession(TestClient(API))
        get_redis().flushdb()
        engine_for(url).dispose()
    get_settings.cache_clear()


def test_the_fuzzed_document_is_the_one_served(admin: AdminSession) -> None:
    assert admin.client.get("/openapi.json").json() == schema.raw_schema


@schema.parametrize()
@settings(
    max_examples=GENERATED_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_operation_answers_a_server_error_or_off_its_schema(case, admin: AdminSession) -> None:
    case.call_and_validate(
        headers=admin.headers, checks=[not_a_server_error, response_schema_conformance]
    )
    if case.operation.label == LOGOUT:
        admin.renew()
