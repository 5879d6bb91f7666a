"""End-to-end fixtures: the platform started like `make run`, and Chromium."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from review_app.embedded_redis import free_port
from support.browser import CHROMIUM, CHROMIUM_ARGS
from support.csp import record_csp_violations
from support.llm_server import FakeLLMServer, Reply
from support.oidc_provider import OidcProvider
from support.page_trouble import PageTrouble
from support.platform import RunningPlatform, platform_env
from support.services import TEST_REDIS_URL, claim_redis_db, release_redis_db
from tests.conftest import RUN_DIR

# Two shared cores in CI: give the page time before an assertion gives up.
expect.set_options(timeout=10_000)

# The browser tests all come from 127.0.0.1: room for them, still small enough to exhaust.
# The platform and the test process must agree: a limit's Redis key includes its rate.
PLATFORM_LIMITS = {
    "RATE_LIMIT_LOGIN": "40/minute",
    "RATE_LIMIT_REGISTER": "40/minute",
    "RATE_LIMIT_DEFAULT": "1000/minute",
    "RATE_LIMIT_SUBMIT": "10/hour",
}
# People at the platform's OpenID provider (login name: claims), each for one test.
SSO_ACCOUNTS = {
    "sso-grace": {"email": "sso-grace@example.com", "email_verified": True},
    "sso-eve": {"email": "sso-eve@example.com", "email_verified": False},
}
LOCAL_HOSTS = ("127.0.0.1", "localhost")
METRICS_TOKEN = "platform-metrics-token"
ACCESS_TOKEN_MINUTES = "0.3"  # 18 s, so a test can outlive an access token
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CLUSTER_TESTS = Path(__file__).resolve().parent / "cluster"
LLM_ANSWER = json.dumps(
    {
        "summary": "Readable, but the query is built from user input.",
        "rubric": {
            name: {"score": 6, "reason": f"{name} could be better"}
            for name in ("correctness", "security", "performance", "readability", "maintainability")
        },
        "findings": [
            {
                "title": "Say what this module is for",
                "detail": "A one-line module docstring helps the next reader.",
                "severity": "info",
                "category": "documentation",
                "line": 1,
            }
        ],
    }
)


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict:
    """Debian's Chromium: Playwright cannot download its own browser here."""
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    """A laptop-sized window that may use the clipboard (to paste code)."""
    return {
        **browser_context_args,
        "viewport": {"width": 1400, "height": 900},
        "permissions": ["clipboard-read", "clipboard-write"],
    }


@pytest.fixture(autouse=True)
def csp_violations(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[list[str]]:
    """Every browser context a test opens records CSP violations, and any one fails the test.

    A test that provokes one on purpose takes it off the list with `support.csp.take_violations`.
    What else went wrong in the browser (refused responses, console errors) shows beside a failure.
    """
    violations: list[str] = []
    trouble = PageTrouble()
    if "browser" in request.fixturenames:
        browser = request.getfixturevalue("browser")
        open_context = browser.new_context

        def open_recording_context(*args, **kwargs) -> BrowserContext:
            context = open_context(*args, **kwargs)
            record_csp_violations(context, violations)
            trouble.watch(context)
            return context

        monkeypatch.setattr(browser, "new_context", open_recording_context)
    yield violations
    print(trouble.report())  # pytest shows it beside a failure
    assert violations == [], "the Content-Security-Policy was violated:\n" + "\n".join(violations)


@pytest.fixture(scope="session")
def platform_llm() -> Iterator[FakeLLMServer]:
    """The LLM the platform talks to: a real OpenAI-compatible server that thinks 1.5 s."""
    with FakeLLMServer(default=Reply(LLM_ANSWER, delay_seconds=1.5)) as server:
        yield server


@pytest.fixture(scope="session")
def platform_port() -> int:
    """Where the platform listens."""
    return free_port()


@pytest.fixture(scope="session")
def platform_oidc(platform_port: int) -> Iterator[OidcProvider]:
    """The OpenID Connect provider the platform offers single sign-on through."""
    callbacks = [f"http://{host}:{platform_port}/api/sso/callback" for host in LOCAL_HOSTS]
    with OidcProvider(callbacks, SSO_ACCOUNTS) as provider:
        yield provider


@pytest.fixture(scope="session")
def platform(
    platform_llm: FakeLLMServer, platform_oidc: OidcProvider, platform_port: int
) -> Iterator[RunningPlatform]:
    """The platform on a Redis db of its own (tests flush theirs) and its own SQLite file."""
    data_dir = RUN_DIR / "platform"
    redis_db = claim_redis_db()
    worker_metrics_port = free_port()
    env = platform_env(
        DATABASE_URL=f"sqlite:///{data_dir / 'review_app.db'}",
        REDIS_URL=f"{TEST_REDIS_URL}/{redis_db}",
        ACCESS_TOKEN_MINUTES=ACCESS_TOKEN_MINUTES,
        LLM_BASE_URL=platform_llm.base_url,
        LLM_API_KEY="test-key",
        LLM_MODEL="fake-model",
        **PLATFORM_LIMITS,
        **platform_oidc.settings,
        METRICS_TOKEN=METRICS_TOKEN,
        WORKER_METRICS_PORT=str(worker_metrics_port),
    )
    running = RunningPlatform(data_dir=data_dir, port=platform_port, env=env).start()
    yield running
    running.stop()
    release_redis_db(redis_db)


@pytest.fixture
def platform_settings(platform: RunningPlatform, set_env) -> RunningPlatform:
    """Make this test process read the platform's database and Redis, to seed or inspect."""
    set_env(
        **{name: platform.env[name] for name in ("DATABASE_URL", "REDIS_URL")}, **PLATFORM_LIMITS
    )
    return platform


@pytest.fixture
def screenshot():
    """Save what the page shows under tests/artifacts/ (git-ignored) for people to look at."""

    def save(page: Page, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)

    return save


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """The multi-host tests (tests/e2e/cluster) run in a pytest of their own, `make test-cluster`:
    never beside the shared platform, and their browser's event loop never beside async tests.
    They are collected only when named on the command line."""
    if collection_path == CLUSTER_TESTS:
        return not any(Path(arg).resolve().is_relative_to(CLUSTER_TESTS) for arg in config.args)
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The fresh-machine platform first, the shared platform's tests last: never two at once."""

    def order(item: pytest.Item) -> int:
        if "fresh_platform" in getattr(item, "fixturenames", ()):
            return 0
        return 2 if "platform" in getattr(item, "fixturenames", ()) else 1

    items.sort(key=order)
