"""The REST API in-process, over real Redis and a real database, and users to call it with."""

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from review_app.api.app import create_api
from review_app.db import session_scope
from review_app.models import PullRequestRun
from review_app.services.accounts import users as accounts
from support.github_standin import OWNER, REPO, GitHubStandIn
from tests.api.github_pulls import SECRET, TOKEN
from tests.conftest import started_worker

PASSWORD = "correct horse battery"


GENEROUS_LIMITS = {
    f"RATE_LIMIT_{rule}": "10000/minute" for rule in ("DEFAULT", "LOGIN", "REGISTER", "REFRESH")
}


@pytest.fixture
def api(database_url: str, redis_client, set_env) -> TestClient:
    """A client of the REST API on the parametrized database, with limits out of the way."""
    set_env(**GENEROUS_LIMITS)
    return TestClient(create_api())


@pytest.fixture
def make_user(database_url: str) -> Callable[..., str]:
    """Create a user directly through the service (no rate limit); returns the email."""

    def make(email: str, password: str = PASSWORD, role: str = "user") -> str:
        with session_scope() as session:
            return accounts.create_user(
                session=session, email=email, password=password, role=role
            ).email

    return make


@pytest.fixture
def sign_in(api: TestClient) -> Callable[[str], dict]:
    """Log in through the API; returns the token pair."""

    def login(email: str, password: str = PASSWORD) -> dict:
        response = api.post("/api/auth/login", json={"email": email, "password": password})
        assert response.status_code == 200, response.text
        return response.json()

    return login


def bearer(token: str) -> dict[str, str]:
    """The Authorization header for an access token."""
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def headers_of(api: TestClient, make_user, sign_in, set_env) -> Callable[[str], dict]:
    """Sign a new user in; returns their Authorization header. Projects and project reviews
    are not limited."""
    set_env(RATE_LIMIT_PROJECT="1000/hour", RATE_LIMIT_PROJECT_REVIEW="1000/hour")

    def headers(email: str) -> dict:
        make_user(email)
        return bearer(sign_in(email)["access_token"])

    return headers


@pytest.fixture
def people(headers_of) -> Callable[[str], dict[str, str]]:
    """Sign in `name`@example.com, a new user, once; their Authorization header."""
    signed_in: dict[str, dict[str, str]] = {}

    def person(name: str) -> dict[str, str]:
        if name not in signed_in:
            signed_in[name] = headers_of(f"{name}@example.com")
        return signed_in[name]

    return person


@pytest.fixture
def two_workers(database_url: str, redis_client) -> Iterator[None]:
    """A real Celery worker with two processes, on the test database."""
    with started_worker(redis_client, concurrency=2):
        yield


@pytest.fixture
def integration_admin(api: TestClient, make_user, sign_in, set_env) -> dict:
    """An admin's Authorization header, with the sealing key set before any worker starts."""
    set_env(INTEGRATION_KEY="integration-key-for-tests-only")
    make_user("admin@example.com", role="admin")
    return bearer(sign_in("admin@example.com")["access_token"])


def connect_repository(api: TestClient, headers: dict, **connection: str) -> dict:
    """Connect a repository as the admin of `headers`; the connection as the API shows it."""
    answer = api.post("/api/integrations", json=connection, headers=headers)
    assert answer.status_code == 201, answer.text
    for secret in ("token", "private_key", "webhook_secret"):
        assert connection.get(secret, "never shown") not in answer.text
    return answer.json()


def pull_request_runs() -> list[PullRequestRun]:
    """Every pull request review, oldest first."""
    with session_scope() as session:
        runs = session.exec(select(PullRequestRun).order_by(PullRequestRun.created_at)).all()
        session.expunge_all()
        return list(runs)


def runs_ended(count: int) -> bool:
    """Whether `count` pull request reviews have ended, posted or failed."""
    runs = pull_request_runs()
    return len(runs) == count and all(run.status in ("published", "failed") for run in runs)


def run_outcomes() -> list[tuple[str, str | None]]:
    """Each pull request review's status and error: a failure says why in the assertion."""
    return [(run.status, run.error) for run in pull_request_runs()]


@pytest.fixture
def github() -> Iterator[GitHubStandIn]:
    """The GitHub stand-in, serving while the test runs."""
    with GitHubStandIn(TOKEN) as standin:
        yield standin


@pytest.fixture
def github_admin(api: TestClient, integration_admin: dict, github: GitHubStandIn) -> dict:
    """An admin who connected the stand-in's repository (before any worker starts)."""
    connection = connect_repository(
        api,
        integration_admin,
        host="github",
        repository=f"{OWNER}/{REPO}",
        token=TOKEN,
        webhook_secret=SECRET,
        api_url=github.api_url,
        fail_on="high",
    )
    assert connection["token_hint"] == f"…{TOKEN[-4:]}"
    return integration_admin
