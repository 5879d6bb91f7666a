"""RabbitMQ for the test suite: a vhost of our own on the machine's RabbitMQ, or a private node.

The machine's RabbitMQ (127.0.0.1:5672, guest/guest) is never restarted or reconfigured: tests
that only need a broker get a throwaway vhost on it; a test that crashes the broker starts a
node of its own (own name, ports, data, cookie and config, no plugins) and crashes that one.
"""

import os
import secrets
import signal
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import kombu
from kombu.exceptions import OperationalError

from review_app.embedded_redis import free_port
from review_app.processes import log_tail, start_process_group, stop_process_group, wait_for

TEST_RABBITMQ_URL = os.environ.get("TEST_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672")
RABBITMQCTL = "/usr/sbin/rabbitmqctl"
RABBITMQ_SERVER = "/usr/lib/rabbitmq/bin/rabbitmq-server"  # not the wrapper that switches user
START_TIMEOUT_SECONDS = 60


def amqp_answers(url: str) -> bool:
    """Whether a broker accepts an AMQP connection at `url` now."""
    connection = kombu.Connection(url, connect_timeout=1)
    try:
        connection.ensure_connection(max_retries=1, interval_start=0)
    except OperationalError:
        return False
    finally:
        connection.release()
    return True


def _rabbitmqctl(*arguments: str) -> None:
    subprocess.run([RABBITMQCTL, *arguments], check=True, capture_output=True, timeout=60)


@contextmanager
def rabbitmq_vhost() -> Iterator[str]:
    """A new vhost on the machine's RabbitMQ, deleted afterwards; yields its amqp:// URL."""
    name = f"review_app_test_{uuid.uuid4().hex[:12]}"
    user = kombu.Connection(TEST_RABBITMQ_URL).userid
    _rabbitmqctl("add_vhost", name)
    try:
        _rabbitmqctl("set_permissions", "-p", name, user, ".*", ".*", ".*")
        yield f"{TEST_RABBITMQ_URL}/{name}"
    finally:
        _rabbitmqctl("delete_vhost", name)


class PrivateRabbitMQ:
    """A RabbitMQ node of a test's own on 127.0.0.1, its data kept under `base` across restarts."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.port = free_port()
        self.node = f"review_app_test_{uuid.uuid4().hex[:8]}@localhost"
        self.process: subprocess.Popen[bytes] | None = None
        config = base / "rabbitmq.conf"
        base.mkdir(parents=True, exist_ok=True)
        config.write_text(f"listeners.tcp.default = 127.0.0.1:{self.port}\nloopback_users = none\n")
        (base / "enabled_plugins").write_text("[].\n")
        (base / "rabbitmq-env.conf").write_text("")  # not the machine's (its node name)
        (base / "home").mkdir(exist_ok=True)
        self.env = {
            **os.environ,
            "HOME": str(base / "home"),
            "RABBITMQ_NODENAME": self.node,
            "RABBITMQ_NODE_IP_ADDRESS": "127.0.0.1",
            "RABBITMQ_NODE_PORT": str(self.port),
            "RABBITMQ_DIST_PORT": str(free_port()),
            "RABBITMQ_MNESIA_BASE": str(base / "mnesia"),
            "RABBITMQ_LOG_BASE": str(base / "log"),
            "RABBITMQ_CONFIG_FILE": str(config),
            "RABBITMQ_CONF_ENV_FILE": str(base / "rabbitmq-env.conf"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": str(base / "enabled_plugins"),
            "RABBITMQ_PID_FILE": str(base / "pid"),
            "RABBITMQ_ERLANG_COOKIE": secrets.token_hex(16),
            "ERL_EPMD_ADDRESS": "127.0.0.1",
        }

    @property
    def url(self) -> str:
        """Its default vhost, as guest."""
        return f"amqp://guest:guest@127.0.0.1:{self.port}//"

    def start(self) -> None:
        """Boot the node (again, with the data it had) and wait until it takes connections."""
        log = self.base / "server.log"
        self.process = start_process_group([RABBITMQ_SERVER], self.env, log)
        try:
            wait_for(lambda: amqp_answers(self.url), START_TIMEOUT_SECONDS, f"RabbitMQ {self.node}")
        except TimeoutError:
            self.stop()
            raise TimeoutError(f"RabbitMQ did not start:\n{log_tail(log)}") from None

    def crash(self) -> None:
        """SIGKILL the node: no clean shutdown, only what it had written survives."""
        if self.process is not None:
            stop_process_group(self.process, signal.SIGKILL)

    def stop(self) -> None:
        """Stop the node if it runs."""
        if self.process is not None:
            stop_process_group(self.process)
