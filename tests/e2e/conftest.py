"""End-to-end fixtures: the platform started like `make run`, and Chromium."""

from collections.abc import Iterator

import pytest

from review_app.embedded_redis import free_port
from tests.conftest import RUN_DIR
from tests.support.platform import RunningPlatform, platform_env
from tests.support.services import TEST_REDIS_URL, claim_redis_db, release_redis_db

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# The browser tests all come from 127.0.0.1: room for them, still small enough to exhaust.
PLATFORM_LIMITS = {
    "RATE_LIMIT_LOGIN": "40/minute",
    "RATE_LIMIT_REGISTER": "40/minute",
    "RATE_LIMIT_DEFAULT": "10000/minute",
}
ACCESS_TOKEN_MINUTES = "0.3"  # 18 s, so a test can outlive an access token


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict:
    """Debian's Chromium: Playwright cannot download its own browser here."""
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def platform() -> Iterator[RunningPlatform]:
    """The platform on a Redis db of its own (tests flush theirs) and its own SQLite file."""
    data_dir = RUN_DIR / "platform"
    redis_db = claim_redis_db()
    env = platform_env(
        DATABASE_URL=f"sqlite:///{data_dir / 'review_app.db'}",
        REDIS_URL=f"{TEST_REDIS_URL}/{redis_db}",
        ACCESS_TOKEN_MINUTES=ACCESS_TOKEN_MINUTES,
        **PLATFORM_LIMITS,
    )
    running = RunningPlatform(data_dir=data_dir, port=free_port(), env=env).start()
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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The fresh-machine platform first, the shared platform's tests last: never two at once."""

    def order(item: pytest.Item) -> int:
        if "fresh_platform" in getattr(item, "fixturenames", ()):
            return 0
        return 2 if "platform" in getattr(item, "fixturenames", ()) else 1

    items.sort(key=order)
