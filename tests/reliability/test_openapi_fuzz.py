"""Every operation of /openapi.json, fuzzed by schemathesis with all its checks, as an admin.

Boundary values (the coverage phase) and generated inputs, valid and invalid, under every check
(`--checks all`): no 5xx; every status, header and body as documented; valid requests accepted
and invalid ones refused; a missing or bad token refused where the schema asks for one; 405 for
a method the schema does not list. Generation is derandomized, so a run is repeatable; an admin
reaches the admin routes as well as everyone's; PostgreSQL, the stricter database, answers; the
rate limits are raised for the run.
"""

import json
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.config import PositiveDataAcceptanceConfig, SchemathesisConfig

from review_app.api.app import create_api
from review_app.api.openapi import document_error_answers
from review_app.db import engine_for, session_scope, upgrade_to_head
from review_app.redis_client import get_redis
from review_app.services.accounts import users as accounts
from review_app.settings import get_settings
from review_app.work_queue.heartbeat import WORKER_KEY_PREFIX
from support.services import postgres_database
from tests.api.conftest import PASSWORD
from tests.cli.conftest import UNLIMITED

ADMIN = "root@example.com"
LOGOUT = "POST /api/auth/logout"  # ends the session it is given
GENERATED_EXAMPLES = 25  # per operation, after the boundary values
RAISED_LIMITS = {**UNLIMITED, "RATE_LIMIT_SUBMIT_IP": "10000/minute"}

# What schemathesis takes for a refusal of invalid data, and 413: code or a body over its cap.
REFUSALS = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429"]
# Operations that judge a valid request past what a schema states, so may refuse it with a 422.
JUDGED_PAST_THE_SCHEMA = {
    "POST /api/auth/register": "a password's strength (zxcvbn), an address (email_validator)",
    "POST /api/reviews": "whether a file name's extension names a language, when none is given",
    "POST /api/projects": "whether the file is a safe zip or tar.gz with code to review",
    "POST /api/teams/{team_id}/invitations": "an address (email_validator)",
    "PUT /api/users/me/settings": "whether the text is a review_app.toml review_app knows",
    "PUT /api/teams/{team_id}/settings": "whether the text is a review_app.toml review_app knows",
    "PUT /api/admin/rate-limits/overrides": "a team and a user at once; a rule counted per address",
}
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {"negative_data_rejection": {"expected-statuses": REFUSALS}},
        "operations": [
            {
                "include-name": operation,
                "checks": {
                    "positive_data_acceptance": {
                        "expected-statuses": [
                            *PositiveDataAcceptanceConfig().expected_statuses,
                            "422",
                        ]
                    }
                },
            }
            for operation in JUDGED_PAST_THE_SCHEMA
        ],
    }
)
CONFIG.projects.default.checks.update(included_check_names=["all"])  # `--checks all`

API = create_api()
schema = schemathesis.openapi.from_dict(document_error_answers(API.openapi()), config=CONFIG)
schema.app = API


class AdminSession:
    """An admin signed in through the API, whose token every generated request carries."""

    client: TestClient
    token = ""

    @classmethod
    def sign_in(cls) -> None:
        """Sign in anew (after a logout ended the session)."""
        response = cls.client.post("/api/auth/login", json={"email": ADMIN, "password": PASSWORD})
        cls.token = response.json()["access_token"]


@schema.auth(refresh_interval=None)
class AdminToken:
    """The admin's token on each request; schemathesis leaves it off where it tests its absence."""

    def get(self, _case: schemathesis.Case, _context: schemathesis.AuthContext) -> str:
        return AdminSession.token

    def set(self, case: schemathesis.Case, token: str, _context: schemathesis.AuthContext) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def admin() -> Iterator[type[AdminSession]]:
    """The API on a PostgreSQL database of the module's own, limits out of the way, a worker
    reported alive, and an admin signed in."""
    with postgres_database() as url, pytest.MonkeyPatch.context() as patch:
        for name, value in {"DATABASE_URL": url, **RAISED_LIMITS}.items():
            patch.setenv(name, value)
        get_settings.cache_clear()
        upgrade_to_head(url)
        with session_scope() as session:
            accounts.create_user(session=session, email=ADMIN, password=PASSWORD, role="admin")
        get_redis().set(f"{WORKER_KEY_PREFIX}fuzz@test", json.dumps({}), ex=600)
        AdminSession.client = TestClient(API)
        AdminSession.sign_in()
        yield AdminSession
        get_redis().flushdb()
        engine_for(url).dispose()
    get_settings.cache_clear()


def keep_dates_in_range(case: schemathesis.Case) -> None:
    """Bring a valid request's two dates inside the operation's `x-date-range`: in order, and at
    most `maxDays` days in all (the end is set when missing); a rule JSON Schema cannot state."""
    rule = case.operation.definition.raw.get("x-date-range")
    query = case.query or {}
    if rule is None or not isinstance(query.get(rule["start"]), str):
        return
    start = date.fromisoformat(query[rule["start"]])
    end = date.fromisoformat(query[rule["end"]]) if query.get(rule["end"]) else start
    first, last = sorted((start, end))
    days = min((last - first).days, rule.get("maxDays", (date.max - first).days + 1) - 1)
    query[rule["start"]], query[rule["end"]] = str(first), str(first + timedelta(days=days))


def test_the_fuzzed_document_is_the_one_served(admin: type[AdminSession]) -> None:
    assert admin.client.get("/openapi.json").json() == schema.raw_schema


@schema.parametrize()
@settings(
    max_examples=GENERATED_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_passes_every_check(
    case: schemathesis.Case, admin: type[AdminSession]
) -> None:
    if case.meta is not None and case.meta.generation.mode.is_positive:
        keep_dates_in_range(case)
    case.call_and_validate()
    if case.operation.label == LOGOUT:
        admin.sign_in()
