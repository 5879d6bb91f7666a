"""Repositories connected to review_app by an admin: their credentials sealed at rest, shown
again only as the token's last characters, never logged."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    SecretStr,
    UrlConstraints,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import CodeHost, PullRequestRun, RepositoryConnection, utcnow
from review_app.review.models import Severity
from review_app.services.accounts.identity import CurrentUser
from review_app.services.errors import NotFoundError, PathTakenError
from review_app.services.integrations.sealing import seal, unseal
from review_app.services.permissions import require_admin

DEFAULT_API_URLS = {
    CodeHost.GITHUB: "https://api.github.com",
    CodeHost.GITLAB: "https://gitlab.com",
}
MAX_FILES_LIMIT = 1000
HINT_CHARACTERS = 4
MAX_API_URL = 400  # stored in 500 characters: room for the normalized form
# What the schema promises to accept: an http(s) URL of a plain host name, port and path.
_PORT = r"([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])"
API_URL_PATTERN = rf"^https?://[a-z0-9]+(\.[a-z0-9]+)*(:{_PORT})?(/[A-Za-z0-9._~-]+)*/?$"
RECENT_RUNS = 20


_APP_FIELDS = ["app_id", "private_key", "installation_id"]


class ConnectionRequest(BaseModel):
    """What connecting a repository takes: a token, or (GitHub) a GitHub App's credentials."""

    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [
                {
                    "required": ["token"],
                    "not": {"anyOf": [{"required": [name]} for name in _APP_FIELDS]},
                },
                {
                    "required": _APP_FIELDS,
                    "not": {"required": ["token"]},
                    "properties": {"host": {"const": "github"}},
                },
            ]
        }
    )

    host: CodeHost
    repository: str = Field(
        max_length=200,
        pattern=r"^[\w.-]+(/[\w.-]+)+$",
        description="owner/name on GitHub; the project's full path on GitLab.",
    )
    token: SecretStr | SkipJsonSchema[None] = Field(
        default=None,
        min_length=8,
        max_length=500,
        description="A fine-grained GitHub token (pull requests: read and write, contents: read, "
        "commit statuses: read and write) or a GitLab project access token (api scope).",
    )
    app_id: str | SkipJsonSchema[None] = Field(
        default=None, min_length=1, max_length=40, description="A GitHub App's id."
    )
    private_key: SecretStr | SkipJsonSchema[None] = Field(
        default=None,
        min_length=1,
        max_length=10_000,
        description="The GitHub App's private key (PEM).",
    )
    installation_id: Annotated[int, Field(ge=1, le=2**63 - 1)] | SkipJsonSchema[None] = Field(
        default=None, description="The GitHub App's installation on the repository."
    )
    webhook_secret: SecretStr = Field(
        min_length=16, max_length=500, description="The secret the host signs deliveries with."
    )
    api_url: Annotated[HttpUrl, UrlConstraints(max_length=MAX_API_URL)] | SkipJsonSchema[None] = (
        Field(
            default=None,
            description="The host's API root (http or https); default: GitHub's or gitlab.com's.",
            json_schema_extra={"pattern": API_URL_PATTERN},
        )
    )
    fail_on: Severity = Field(
        default=Severity.HIGH, description="The status fails on a new finding at this severity."
    )
    max_files: int = Field(
        default=100,
        ge=1,
        le=MAX_FILES_LIMIT,
        description="A pull request changing more files is reviewed in part, with a note.",
    )

    @model_validator(mode="after")
    def _one_way_in(self) -> "ConnectionRequest":
        """A token, or (GitHub only) a GitHub App's id, private key and installation."""
        app = [value is not None for value in (self.app_id, self.private_key, self.installation_id)]
        if self.token is not None and not any(app):
            return self
        if self.token is None and all(app) and self.host == CodeHost.GITHUB:
            return self
        raise ValueError(
            "Give a token, or for GitHub a GitHub App's app_id, private_key and installation_id."
        )


class ConnectionView(BaseModel):
    """A connected repository as an admin sees it: never its secrets."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    host: CodeHost
    repository: str
    api_url: str
    token_hint: str = Field(description="The token's last characters.")
    fail_on: str
    max_files: int
    created_at: datetime
    last_error: str | None = Field(description="The host's last failure, if it has not recovered.")
    last_error_at: datetime | None


class RunView(BaseModel):
    """A pull request review as the admin page lists it."""

    repository: str
    number: int
    head_sha: str
    status: str
    note: str | None
    error: str | None
    created_at: datetime


class ConnectionSecrets(BaseModel):
    """What talking to the host takes; only the services hold it."""

    connection_id: uuid.UUID
    host: CodeHost
    repository: str
    api_url: str
    token: SecretStr  # or the GitHub App's private key
    app_id: str | None
    installation_id: int | None
    user_id: uuid.UUID
    fail_on: Severity
    max_files: int


def connect(*, actor: CurrentUser, request: ConnectionRequest) -> ConnectionView:
    """Connect a repository; its reviews will belong to `actor`.

    Raises:
        AdminOnlyError: `actor` is not an admin.
        PathTakenError: the repository is connected already.
    """
    require_admin(actor)
    secret = request.token or request.private_key
    token = secret.get_secret_value() if secret else ""
    hint = f"app {request.app_id}" if request.app_id else f"…{token[-HINT_CHARACTERS:]}"
    connection = RepositoryConnection(
        host=request.host,
        repository=request.repository,
        api_url=str(request.api_url or DEFAULT_API_URLS[request.host]).rstrip("/"),
        user_id=actor.id,
        sealed_token=seal(token),
        sealed_webhook_secret=seal(request.webhook_secret.get_secret_value()),
        token_hint=hint,
        app_id=request.app_id,
        installation_id=request.installation_id,
        fail_on=request.fail_on,
        max_files=request.max_files,
    )
    try:
        with session_scope() as session:
            session.add(connection)
            session.flush()
            return ConnectionView.model_validate(connection)
    except IntegrityError:
        raise PathTakenError(f"{request.repository} is connected already.") from None


def list_connections(*, actor: CurrentUser) -> list[ConnectionView]:
    """Every connected repository.

    Raises:
        AdminOnlyError: `actor` is not an admin.
    """
    require_admin(actor)
    with session_scope() as session:
        rows = session.exec(select(RepositoryConnection).order_by(RepositoryConnection.repository))
        return [ConnectionView.model_validate(row) for row in rows]


def recent_runs(*, actor: CurrentUser, limit: int = RECENT_RUNS) -> list[RunView]:
    """The newest pull request reviews of every connection.

    Raises:
        AdminOnlyError: `actor` is not an admin.
    """
    require_admin(actor)
    query = (
        select(PullRequestRun, RepositoryConnection.repository)
        .join(RepositoryConnection, RepositoryConnection.id == PullRequestRun.connection_id)
        .order_by(PullRequestRun.created_at.desc())
        .limit(limit)
    )
    with session_scope() as session:
        return [
            RunView(
                repository=repository,
                number=run.number,
                head_sha=run.head_sha[:12],
                status=run.status,
                note=run.note,
                error=run.error,
                created_at=run.created_at,
            )
            for run, repository in session.exec(query)
        ]


def disconnect(*, actor: CurrentUser, connection_id: uuid.UUID) -> None:
    """Forget a connection, its credentials and its runs.

    Raises:
        AdminOnlyError: `actor` is not an admin.
        NotFoundError: no such connection.
    """
    require_admin(actor)
    with session_scope() as session:
        connection = session.get(RepositoryConnection, connection_id)
        if connection is None:
            raise NotFoundError("No connection with this id.")
        session.delete(connection)


def secrets_of(connection: RepositoryConnection) -> ConnectionSecrets:
    """The connection's credentials, unsealed."""
    return ConnectionSecrets(
        connection_id=connection.id,
        host=connection.host,
        repository=connection.repository,
        api_url=connection.api_url,
        token=SecretStr(unseal(connection.sealed_token)),
        app_id=connection.app_id,
        installation_id=connection.installation_id,
        user_id=connection.user_id,
        fail_on=Severity(connection.fail_on),
        max_files=connection.max_files,
    )


def record_host_error(connection_id: uuid.UUID, error: str | None) -> None:
    """Note the host's failure on the connection (None: it works again), for the admin page."""
    with session_scope() as session:
        connection = session.get(RepositoryConnection, connection_id)
        if connection is not None:
            connection.last_error = error
            connection.last_error_at = utcnow() if error else None
            session.add(connection)
