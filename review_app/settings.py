"""One typed settings object, read from the environment and `.env`.

Every value has a safe embedded default, so a fresh machine runs with no configuration.
"""

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


# Left out of every project, whatever its .gitignore says (gitignore syntax, from the root).
DEFAULT_PROJECT_IGNORE = (
    ".git",
    ".hg",
    ".svn",
    "node_modules/",
    "bower_components/",
    "vendor/",
    "dist/",
    "build/",
    "__pycache__/",
    "*.pyc",
    ".venv/",
    "venv/",
    ".tox/",
    ".mypy_cache/",
    ".pytest_cache/",
    ".ruff_cache/",
    ".next/",
    ".DS_Store",
)


class Settings(BaseSettings):
    """Configuration of every process of the platform (web, API, worker)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # Where things live
    data_dir: Path = PROJECT_ROOT / "data"  # SQLite database, JWT key, embedded Redis, logs
    database_url: str = ""  # SQLAlchemy URL; empty: SQLite under data_dir
    redis_url: str = ""  # cache, rate limits, pub/sub, Celery; empty: local or embedded
    local_redis_url: str = "redis://127.0.0.1:6379/0"  # tried when REDIS_URL is empty
    # The review queue: a redis:// URL, or amqp:// for RabbitMQ (quorum queues, publisher
    # confirms); empty: the Redis above. Results, caches and live progress stay on Redis.
    celery_broker_url: str = ""

    # Processes of `make run`
    host: str = "127.0.0.1"  # listen address; 0.0.0.0 serves the whole network
    port: int = Field(default=8000, ge=1, le=65535)  # page, websocket and REST API
    allowed_origins: list[str] = Field(default_factory=list)  # empty: localhost on `port`
    web_workers: int = Field(default=2, ge=1, le=16)  # Reflex backend processes
    worker_concurrency: int = Field(default=2, ge=1, le=64)  # Celery processes
    host_name: str = Field(default="", max_length=100)  # on the admin page; empty: the machine's
    # Logs: JSON lines; "auto" writes readable lines instead to a terminal (make run's own).
    log_format: Literal["auto", "json", "console"] = "auto"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    # Accounts
    jwt_secret: SecretStr = SecretStr("")  # HS256 key; empty: generated once under data_dir
    # Seals the code hosts' tokens and webhook secrets at rest; empty: generated under data_dir.
    integration_key: SecretStr = SecretStr("")
    access_token_minutes: float = Field(default=15, gt=0, le=24 * 60)
    refresh_token_days: int = Field(default=14, ge=1, le=365)
    # Single sign-on through an OpenID Connect provider (its /.well-known/openid-configuration
    # under the issuer URL); an empty issuer: passwords only.
    oidc_issuer: str = ""
    oidc_client_id: str = ""
    oidc_client_secret: SecretStr = SecretStr("")
    oidc_provider_name: str = "single sign-on"  # the sign-in page says "Sign in with <name>"

    # The LLM (any OpenAI-compatible endpoint); empty base URL: static analysis only
    llm_base_url: str = ""
    llm_api_key: SecretStr = SecretStr("")
    llm_model: str = "gpt-4o-mini"
    llm_timeout_seconds: float = Field(default=60.0, gt=0)
    llm_max_retries: int = Field(default=3, ge=0, le=10)
    llm_max_tokens: int = Field(default=4000, ge=256)  # token budget per request
    llm_max_parts: int = Field(default=8, ge=1, le=64)  # requests per file (long code in parts)

    # Reviews
    max_code_bytes: int = Field(default=200_000, ge=1, le=900_000)  # under the websocket's 1 MB
    task_soft_time_limit: int = Field(default=300, ge=5)  # seconds
    task_hard_time_limit: int = Field(default=360, ge=10)  # seconds
    review_max_attempts: int = Field(default=3, ge=1, le=10)  # worker runs before giving up
    # Queued that long: re-queue. Keep it above the longest wait in a busy queue (a re-queued
    # review is queued twice); the floor of a few seconds is for tests of lost messages.
    review_pending_timeout_seconds: int = Field(default=600, ge=5)
    review_sweep_seconds: int = Field(default=60, ge=5)  # how often stuck reviews are looked for
    review_cache_ttl_seconds: int = Field(default=86_400, ge=60)  # results kept hot in Redis
    review_read_cache_seconds: int = Field(default=60, ge=0)  # finished reviews cached for GET

    # Projects: files unpacked from an uploaded zip or tar.gz (ignored paths are never stored)
    max_project_bytes: int = Field(default=5_000_000, ge=1024, le=100_000_000)  # text kept
    max_project_files: int = Field(default=2000, ge=1, le=20_000)  # files read, kept or skipped
    project_batch_files: int = Field(default=25, ge=1, le=500)  # files a worker reviews at once
    # An archive may unpack to MAX_PROJECT_BYTES; past that, to this many times its own size.
    max_archive_ratio: int = Field(default=100, ge=2)
    project_ignore: list[str] = Field(default_factory=lambda: list(DEFAULT_PROJECT_IGNORE))

    # Request bodies, in bytes: a larger one is refused (413) before it is read. A review
    # submission and an upload to the editor get room for MAX_CODE_BYTES of code on top.
    max_body_bytes: int = Field(default=65_536, ge=1024)  # any route not named here
    max_auth_body_bytes: int = Field(default=8192, ge=1024)  # /api/auth/*: any valid credentials
    # A code host's webhook delivery (a pull request event with a long description, say).
    max_webhook_body_bytes: int = Field(default=5_000_000, ge=1024)

    # Rate limits ("N/second|minute|hour|day"), per client IP or signed-in user
    rate_limit_default: str = "120/minute"  # every route not listed here
    rate_limit_login: str = "5/minute"
    rate_limit_register: str = "3/minute"
    rate_limit_refresh: str = "30/minute"
    rate_limit_submit: str = "60/hour"  # reviews queued per user (cached answers are free)
    rate_limit_submit_ip: str = "120/hour"  # reviews queued per client IP, whatever the account
    rate_limit_project: str = "20/hour"  # projects created per user (refused ones are free)
    rate_limit_project_review: str = "20/hour"  # project reviews started per user
    rate_limit_team: str = "10/hour"  # teams created and invitations sent per user
    rate_limit_login_account: str = "10/15 minutes"  # failed sign-ins per account, new IPs
    trusted_proxies: list[str] = Field(default_factory=list)  # whose X-Forwarded-For counts

    # Observability: /metrics for Prometheus, only with this bearer token (unset: not served)
    metrics_token: SecretStr = SecretStr("")
    worker_metrics_port: int = Field(default=0, ge=0, le=65535)  # a worker's /metrics; 0: off
    worker_metrics_host: str = "127.0.0.1"  # 0.0.0.0 lets another host's Prometheus scrape it

    @field_validator("task_hard_time_limit")
    @classmethod
    def _hard_after_soft(cls, value: int, info) -> int:
        soft = info.data.get("task_soft_time_limit", 0)
        if value <= soft:
            raise ValueError("TASK_HARD_TIME_LIMIT must exceed TASK_SOFT_TIME_LIMIT")
        return value

    @property
    def effective_database_url(self) -> str:
        """The configured database, or SQLite under the data directory."""
        return self.database_url or f"sqlite:///{self.data_dir / 'review_app.db'}"

    @property
    def effective_redis_url(self) -> str:
        """The configured Redis, or the local one."""
        return self.redis_url or self.local_redis_url

    @property
    def effective_broker_url(self) -> str:
        """The configured Celery broker, or the Redis everything else uses."""
        return self.celery_broker_url or self.effective_redis_url

    @property
    def broker_is_rabbitmq(self) -> bool:
        """Whether the queue is on RabbitMQ (an AMQP URL) rather than Redis."""
        return self.effective_broker_url.startswith(("amqp://", "amqps://", "pyamqp://"))

    @property
    def effective_origins(self) -> list[str]:
        """Origins allowed to open the websocket and call the API from a browser."""
        return self.allowed_origins or [
            f"http://localhost:{self.port}",
            f"http://127.0.0.1:{self.port}",
        ]

    @property
    def max_review_body_bytes(self) -> int:
        """A review submission's JSON: the largest code, each byte written as JSON's longest
        escape (six bytes, `\\u001f`), and room for the other fields."""
        return 6 * self.max_code_bytes + self.max_body_bytes

    @property
    def max_upload_body_bytes(self) -> int:
        """A file uploaded to the editor: the largest code, and the multipart form around it."""
        return self.max_code_bytes + self.max_body_bytes

    @property
    def max_project_body_bytes(self) -> int:
        """A project's archive: its files, a zip's two headers naming each (512 bytes is room
        for a long path), and the multipart form around it."""
        return self.max_project_bytes + 512 * self.max_project_files + self.max_body_bytes

    @property
    def sso_enabled(self) -> bool:
        """Whether an OpenID Connect provider is configured for single sign-on."""
        return bool(self.oidc_issuer and self.oidc_client_id)

    @property
    def serves_https(self) -> bool:
        """Whether every allowed origin is https, so cookies can be marked Secure."""
        return all(origin.startswith("https://") for origin in self.effective_origins)

    def jwt_key(self) -> bytes:
        """The JWT signing key: the configured one, or one generated once under data/."""
        if configured := self.jwt_secret.get_secret_value():
            return configured.encode()
        return _stored_secret(self.data_dir / "jwt_secret")

    def integration_seal_key(self) -> bytes:
        """The key sealing code-host credentials: the configured one, or one generated once."""
        if configured := self.integration_key.get_secret_value():
            return configured.encode()
        return _stored_secret(self.data_dir / "integration_key")

    def private_redis_password(self) -> str:
        """The password of the Redis `make run` starts itself, generated once under data/."""
        return _stored_secret(self.data_dir / "redis_password").decode()


def _stored_secret(path: Path) -> bytes:
    """Read a random key from `path`, creating it (mode 0600) on first use."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600, exist_ok=True)
        if not path.read_bytes():
            path.write_text(secrets.token_hex(32))
    return path.read_text().strip().encode()


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
