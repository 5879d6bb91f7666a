"""The cluster's stores, each on a host of its own: a private PostgreSQL, a Redis with a
password."""

import os
import secrets
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import redis

from review_app.processes import start_process_group, stop_process_group, wait_for
from support.cluster.network import Host

POSTGRES_BIN = Path("/usr/lib/postgresql/15/bin")
REDIS_SERVER = "/usr/bin/redis-server"
START_TIMEOUT_SECONDS = 60
PLAIN_ENV = {"PATH": os.environ.get("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")}


def _answers(check) -> bool:
    """Whether `check()` runs without an error."""
    try:
        check()
    except (OSError, psycopg.Error, redis.RedisError):
        return False
    return True


@dataclass
class PostgresHost:
    """A cluster of its own (initdb), run as the postgres user, password auth from the subnet."""

    host: Host
    subnet: str  # "10.x.y": the clients' /24
    log_path: Path
    password: str = field(default_factory=lambda: secrets.token_hex(16))
    process: subprocess.Popen[bytes] | None = None
    data_root: Path | None = None

    @property
    def url(self) -> str:
        """The SQLAlchemy URL of the app's database."""
        return f"postgresql+psycopg://postgres:{self.password}@{self.host.address}:5432/review_app"

    @property
    def admin_url(self) -> str:
        """A psycopg URL of the maintenance database."""
        return f"postgresql://postgres:{self.password}@{self.host.address}:5432/postgres"

    def start(self) -> "PostgresHost":
        """initdb into a folder the postgres user owns, start the server, create the database."""
        self.data_root = Path(tempfile.mkdtemp(prefix="review_app_cluster_pg_"))
        shutil.chown(self.data_root, "postgres", "postgres")
        data, password_file = self.data_root / "data", self.data_root / "password"
        password_file.write_text(self.password)
        shutil.chown(password_file, "postgres", "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
        subprocess.run(
            [*as_postgres, str(POSTGRES_BIN / "initdb"), "-D", str(data), "-U", "postgres",
             f"--pwfile={password_file}", "--auth-local=trust", "--auth-host=scram-sha-256"],
            check=True, capture_output=True,
        )  # fmt: skip
        with (data / "pg_hba.conf").open("a") as hba:
            hba.write(f"host all all {self.subnet}.0/24 scram-sha-256\n")
        server = [
            str(POSTGRES_BIN / "postgres"), "-D", str(data),
            "-c", f"listen_addresses={self.host.address}",
            "-c", f"unix_socket_directories={self.data_root}",
            "-c", "fsync=off", "-c", "max_connections=200",
        ]  # fmt: skip
        self.process = start_process_group(
            self.host.command([*as_postgres, *server]), PLAIN_ENV, self.log_path
        )
        wait_for(
            lambda: _answers(lambda: psycopg.connect(self.admin_url, connect_timeout=2).close()),
            timeout=START_TIMEOUT_SECONDS,
            what="PostgreSQL to accept connections",
        )
        with psycopg.connect(self.admin_url, autocommit=True) as admin:
            admin.execute("CREATE DATABASE review_app")
        return self

    def stop(self) -> None:
        """Stop the server (fast shutdown) and delete its files."""
        if self.process is not None:
            stop_process_group(self.process)
        if self.data_root is not None:
            shutil.rmtree(self.data_root, ignore_errors=True)


@dataclass
class RedisHost:
    """Debian's redis-server bound to its host's address, with `requirepass`."""

    host: Host
    log_path: Path
    password: str = field(default_factory=lambda: secrets.token_hex(16))
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The app's REDIS_URL."""
        return f"redis://:{self.password}@{self.host.address}:6379/0"

    def start(self) -> "RedisHost":
        """Start it without persistence and wait for PONG."""
        command = [
            REDIS_SERVER, "--bind", self.host.address, "--port", "6379",
            "--requirepass", self.password, "--save", "", "--appendonly", "no",
            "--dir", str(self.log_path.parent),
        ]  # fmt: skip
        self.process = start_process_group(self.host.command(command), PLAIN_ENV, self.log_path)
        client = redis.Redis.from_url(self.url, socket_timeout=2)
        wait_for(
            lambda: _answers(client.ping), timeout=START_TIMEOUT_SECONDS, what="Redis to answer"
        )
        return self

    def stop(self) -> None:
        """Stop the server."""
        if self.process is not None:
            stop_process_group(self.process)
