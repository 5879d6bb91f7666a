"""A real review_app server for `review-app` to talk to, and a way to run it as a user would.

The server is the REST API under granian plus a real Celery worker, on the test Redis and a
database of their own; `review-app` runs as the installed console script with HOME pointed at a
temporary folder, so its credentials land there.
"""

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from review_app.db import upgrade_to_head
from review_app.processes import start_process_group, stop_process_group, wait_for
from review_app.redis_client import get_redis
from review_app.settings import get_settings
from tests.conftest import RUN_DIR, started_worker

REVIEW_APP = Path(sys.executable).with_name("review-app")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "review"
PASSWORD = "correct horse battery"
UNLIMITED = {
    f"RATE_LIMIT_{rule}": "10000/minute"
    for rule in ("DEFAULT", "LOGIN", "REGISTER", "REFRESH", "SUBMIT", "PROJECT", "PROJECT_REVIEW")
}
MEDIUM_ONLY = '''"""Tags for orders."""


def add_tag(tag: str, tags: list[str] = []) -> list[str]:
    """Add a tag to the list."""
    tags.append(tag)
    return tags
'''


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_api(env: dict[str, str]) -> Iterator[str]:
    """The REST API alone under granian on a free port; yields its URL."""
    port = free_port()
    command = [sys.executable, "-m", "granian", "--interface", "asgi", "--factory"]
    command += ["--host", "127.0.0.1", "--port", str(port), "review_app.api.app:create_api"]
    log_path = RUN_DIR / "logs" / f"api-{port}.log"
    process = start_process_group(command, env, log_path)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: _answers(url) or process.poll() is not None, 30, "the API to start")
        if process.poll() is not None:
            raise RuntimeError(f"the API did not start:\n{log_path.read_text()}")
        yield url
    finally:
        stop_process_group(process)


def _answers(url: str) -> bool:
    try:
        return httpx.get(f"{url}/healthz", timeout=1).status_code < 500
    except httpx.HTTPError:
        return False


@contextmanager
def serving(database_url: str, **settings: str) -> Iterator[str]:
    """A worker and the API on `database_url`, with `settings` in their environment."""
    upgrade_to_head(database_url)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in {"DATABASE_URL": database_url, **settings}.items():
            patch.setenv(name, value)
        get_settings.cache_clear()
        with started_worker(get_redis()), running_api(dict(os.environ)) as url:
            yield url
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One server for the module, on SQLite, with rate limits out of the way; yields its URL."""
    database = tmp_path_factory.mktemp("cli") / "review_app.db"
    with serving(f"sqlite:///{database}", **UNLIMITED) as url:
        yield url


def register(server: str, email: str) -> str:
    """Create an account through the API; returns the email."""
    response = httpx.post(
        f"{server}/api/auth/register", json={"email": email, "password": PASSWORD}
    )
    assert response.status_code == 201, response.text
    return email


@dataclass
class Terminal:
    """A user's shell: a home folder of their own, a project folder, and `review-app`."""

    home: Path
    project: Path
    server: str
    env: dict[str, str] = field(default_factory=dict)

    def run(self, *args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess:
        """`review-app ARGS` in the project folder."""
        environment = {
            **{k: v for k, v in os.environ.items() if not k.startswith("REVIEW_APP_")},
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "REVIEW_APP_URL": self.server,
            **self.env,
            **env,
        }
        return subprocess.run(
            [str(REVIEW_APP), *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=environment,
            cwd=self.project,
            timeout=120,
        )

    def login(self, email: str) -> subprocess.CompletedProcess:
        """Sign in with the password on stdin, as a CI job does."""
        result = self.run("login", "--email", email, "--password-stdin", stdin=f"{PASSWORD}\n")
        assert result.returncode == 0, result.stderr
        return result

    @property
    def credentials(self) -> Path:
        """Where `review-app login` keeps the refresh token on Linux."""
        return self.home / ".config" / "review-app" / "credentials.json"


def make_project(root: Path) -> Path:
    """Source files with known defects, and files a review must leave out."""
    src = root / "src"
    (src / "web").mkdir(parents=True)
    shutil.copy(FIXTURES / "python_defects.py", src / "shop.py")
    shutil.copy(FIXTURES / "javascript_syntax_error.js", src / "web" / "greet.js")
    (src / "tags.py").write_text(MEDIUM_ONLY)
    (src / "logo.py").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (src / "README.md").write_text("# The shop\n")
    for ignored in (src / ".cache" / "old.py", src / "node_modules" / "lib" / "index.js"):
        ignored.parent.mkdir(parents=True)
        ignored.write_text("x = 1\n")
    return root


@pytest.fixture
def terminal(tmp_path: Path, server: str) -> Terminal:
    """A fresh user's shell in a fresh project, pointed at the module's server."""
    (tmp_path / "home").mkdir()
    return Terminal(
        home=tmp_path / "home", project=make_project(tmp_path / "project"), server=server
    )
