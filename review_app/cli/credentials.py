"""Refresh tokens of `review-app login`, one per server, in a file only the user can read.

Refresh tokens work once: every run trades the stored one for a new one and writes that back,
atomically (a new 0600 file renamed over the old), under a lock so two runs do not both spend it.
"""

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from platformdirs import user_config_path
from pydantic import BaseModel, Field, ValidationError

try:
    import fcntl
except ImportError:  # Windows: no advisory locks, runs are simply not serialized
    fcntl = None

APP_NAME = "review-app"


class StoredLogin(BaseModel):
    """What is kept for one server."""

    email: str | None = None
    refresh_token: str
    seed: str | None = Field(
        default=None, description="Hash of the REVIEW_APP_TOKEN this login was traded from."
    )


class _CredentialsFile(BaseModel):
    servers: dict[str, StoredLogin] = Field(default_factory=dict)


def token_seed(token: str) -> str:
    """A hash naming a REVIEW_APP_TOKEN without keeping it."""
    return hashlib.sha256(token.encode()).hexdigest()


class CredentialStore:
    """`credentials.json` in the user's config dir (XDG_CONFIG_HOME on Linux), mode 0600."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or user_config_path(APP_NAME)
        self.path = self.directory / "credentials.json"

    def get(self, server: str) -> StoredLogin | None:
        """The login kept for `server`, if any."""
        return self._read().servers.get(server)

    def put(self, server: str, login: StoredLogin) -> None:
        """Keep `login` for `server`, replacing what was there."""
        data = self._read()
        data.servers[server] = login
        self._write(data)

    def forget(self, server: str) -> bool:
        """Drop the login of `server`; whether there was one."""
        data = self._read()
        if data.servers.pop(server, None) is None:
            return False
        self._write(data)
        return True

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store while a token is read, traded and written back."""
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if fcntl is None:
            yield
            return
        descriptor = os.open(self.directory / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)  # closing releases the lock

    def _read(self) -> _CredentialsFile:
        try:
            return _CredentialsFile.model_validate_json(self.path.read_bytes())
        except FileNotFoundError:
            return _CredentialsFile()
        except ValidationError:  # damaged by hand: start over rather than fail every run
            return _CredentialsFile()

    def _write(self, data: _CredentialsFile) -> None:
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=self.directory, prefix=".credentials-")
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as file:  # mkstemp makes it 0600
                json.dump(data.model_dump(), file, indent=2)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
