"""End-to-end fixtures: the platform started like `make run`, and Chromium."""

from collections.abc import Iterator

import pytest

from review_app.embedded_redis import free_port
from tests.conftest import RUN_DIR
from tests.support.platform import RunningPlatform, platform_env

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict:
    """Debian's Chromium: Playwright cannot download its own browser here."""
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def platform() -> Iterator[RunningPlatform]:
    """The platform on the test run's Redis db and its own SQLite database."""
    data_dir = RUN_DIR / "platform"
    env = platform_env(DATABASE_URL=f"sqlite:///{data_dir / 'review_app.db'}")
    running = RunningPlatform(data_dir=data_dir, port=free_port(), env=env).start()
    yield running
    running.stop()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the fresh-machine platform first: two platforms must not build the frontend at once."""
    items.sort(key=lambda item: "fresh_platform" not in getattr(item, "fixturenames", ()))
