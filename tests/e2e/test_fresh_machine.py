"""`make run` on a machine with no Redis: it starts its own, and Ctrl-C stops everything."""

import json
import os
from collections.abc import Iterator

import pytest

from review_app.embedded_redis import free_port
from review_app.redis_client import redis_answers
from support.platform import RunningPlatform, platform_env
from tests.conftest import RUN_DIR


@pytest.fixture(scope="module")
def fresh_platform() -> Iterator[RunningPlatform]:
    """No REDIS_URL, nothing at the local Redis address, no DATABASE_URL: all defaults."""
    nothing_there = f"redis://127.0.0.1:{free_port()}/0"
    env = platform_env(REDIS_URL="", DATABASE_URL="", LOCAL_REDIS_URL=nothing_there)
    running = RunningPlatform(data_dir=RUN_DIR / "fresh", port=free_port(), env=env).start()
    yield running
    running.stop()


def _with_password(platform: RunningPlatform) -> str:
    """The private Redis's URL, with the password the launcher generated for it."""
    address = platform.private_redis_url()
    assert address is not None
    password = (platform.data_dir / "redis_password").read_text().strip()
    assert password not in platform.log()  # never printed
    return address.replace("redis://", f"redis://:{password}@", 1)


def test_it_starts_a_private_redis_and_reports_healthy(fresh_platform: RunningPlatform) -> None:
    address = fresh_platform.private_redis_url()
    assert not redis_answers(address)  # no password: refused
    assert redis_answers(_with_password(fresh_platform))
    assert oct((fresh_platform.data_dir / "redis_password").stat().st_mode & 0o777) == "0o600"
    response = fresh_platform.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "redis": "ok",
        "broker": "ok",
        "workers": 1,
    }


def test_it_creates_the_sqlite_database_under_data(fresh_platform: RunningPlatform) -> None:
    assert (fresh_platform.data_dir / "review_app.db").stat().st_size > 0


def test_ctrl_c_stops_every_process_it_started(fresh_platform: RunningPlatform) -> None:
    children = fresh_platform.child_pids()
    redis_url = _with_password(fresh_platform)
    assert len(children) == 2
    assert fresh_platform.stop() == 0
    for pid in children:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    assert not redis_answers(redis_url)
    assert "stopped the private Redis" in fresh_platform.log()
    logs = [fresh_platform.log_path, *(fresh_platform.data_dir / "logs").glob("*.log")]
    for line in (line for log in logs for line in log.read_text().splitlines()):
        assert isinstance(json.loads(line), dict), line  # shutdown notices included
