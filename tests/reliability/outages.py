"""Brokers of a test's own that it can crash and bring back: Redis (comes back empty, as after a
crash without persistence) and a RabbitMQ node (comes back with what it had written)."""

from dataclasses import dataclass, field
from pathlib import Path

from review_app.embedded_redis import EmbeddedRedis, free_port
from support.rabbitmq import PrivateRabbitMQ


@dataclass
class RedisOutage:
    """A private Redis that is everything (broker, cache, limits): its crash loses the queue,
    the API refuses writes meanwhile, and the sweeper queues again what was lost."""

    base: Path
    servers: list[EmbeddedRedis] = field(default_factory=list)
    keeps_messages = False
    down_detail = "Redis"  # what the API's 503 names

    def start(self) -> None:
        """Start the first server."""
        self.servers.append(EmbeddedRedis(self.base / "redis-0", free_port()))
        self.servers[0].start()

    @property
    def url(self) -> str:
        """The broker's (and Redis's) URL."""
        return self.servers[0].url

    @property
    def env(self) -> dict[str, str]:
        """What points the platform at it."""
        return {"REDIS_URL": self.url}

    def crash(self) -> None:
        """SIGKILL: nothing is saved."""
        self.servers[-1].process.kill()
        self.servers[-1].process.wait()

    def come_back(self) -> None:
        """Start again on the same port with no data."""
        self.servers.append(
            EmbeddedRedis(self.base / f"redis-{len(self.servers)}", self.servers[0].port)
        )
        self.servers[-1].start()

    def stop(self) -> None:
        """Stop every server started."""
        for server in self.servers:
            server.stop()


@dataclass
class RabbitMQOutage:
    """A private RabbitMQ node as the broker only (Redis stays up): its crash must lose no
    accepted message (durable quorum queue, confirmed publishes), and the API refuses new
    reviews while it is down."""

    base: Path
    node: PrivateRabbitMQ | None = None
    keeps_messages = True
    down_detail = "review queue"

    def start(self) -> None:
        """Boot the node."""
        self.node = PrivateRabbitMQ(self.base / "rabbitmq")
        self.node.start()

    @property
    def url(self) -> str:
        """The broker's URL."""
        return self.node.url

    @property
    def env(self) -> dict[str, str]:
        """What points the platform's queue at it."""
        return {"CELERY_BROKER_URL": self.url}

    def crash(self) -> None:
        """SIGKILL the node: only what it had written to disk survives."""
        self.node.crash()

    def come_back(self) -> None:
        """Boot it again on its data."""
        self.node.start()

    def stop(self) -> None:
        """Stop the node."""
        self.node.stop()


Outage = RedisOutage | RabbitMQOutage
