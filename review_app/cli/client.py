"""The REST API as `review-app` uses it: sign in, upload files as a project, follow its review."""

import uuid
from collections.abc import Callable
from typing import Any

import httpx
from pydantic import BaseModel

from review_app.cli.errors import (
    CliError,
    NotSignedInError,
    RateLimitedError,
    SubmissionRefusedError,
)
from review_app.exports.documents import tool_version
from review_app.review.models import Finding, ReviewResult

REQUEST_TIMEOUT_SECONDS = 30.0


class Tokens(BaseModel):
    """The part of a sign-in or refresh answer the command line uses."""

    access_token: str
    refresh_token: str


class ReviewState(BaseModel):
    """Where a single review is, and its result once completed."""

    id: uuid.UUID
    status: str
    result: ReviewResult | None = None


class ProjectFileState(BaseModel):
    """Where the review of one file of a project is."""

    review_id: uuid.UUID
    path: str
    status: str
    progress: int
    error: str | None = None

    @property
    def finished(self) -> bool:
        """Whether the file's review can change no more."""
        return self.status in ("completed", "failed")


class ProjectReviewState(BaseModel):
    """Where a project review is: each file's state."""

    id: uuid.UUID
    project_id: uuid.UUID
    status: str
    files: list[ProjectFileState]


class FileChangeInfo(BaseModel):
    """In a change review's export: which findings of a file are new, and those fixed."""

    new: list[int]
    fixed: list[Finding]


class ReviewedFile(BaseModel):
    """One file of a project review's JSON export: its path and result."""

    path: str
    review_id: uuid.UUID | None
    result: ReviewResult
    change: FileChangeInfo | None = None

    @classmethod
    def of(cls, exported: dict[str, Any]) -> "ReviewedFile":
        """Read a file of the export, whose result fields sit beside its path."""
        return cls(
            path=exported["path"],
            review_id=exported["review_id"],
            result=ReviewResult.model_validate(exported),
            change=exported.get("change"),
        )


class ApiClient:
    """One server; renews the access token with the refresh token when it expires."""

    def __init__(self, server: str, transport: httpx.BaseTransport | None = None) -> None:
        self.server = server.rstrip("/")
        self._http = httpx.Client(
            base_url=self.server,
            timeout=REQUEST_TIMEOUT_SECONDS,
            headers={"User-Agent": f"review-app/{tool_version()}"},
            transport=transport,
        )
        self._access_token: str | None = None
        self.refresh_token: str | None = None
        self.on_token_rotated: Callable[[str], None] | None = None

    def __enter__(self) -> "ApiClient":
        return self

    def __exit__(self, *_exc: object) -> None:
        self._http.close()

    def login(self, email: str, password: str) -> Tokens:
        """Sign in with a password."""
        response = self._send(
            "POST", "/api/auth/login", json={"email": email, "password": password}
        )
        if response.status_code == 401:
            raise NotSignedInError(_detail(response))
        return self._signed_in(_checked(response))

    def resume(self, refresh_token: str) -> Tokens:
        """Sign in with a refresh token, which is spent: keep the new one returned."""
        response = self._send("POST", "/api/auth/refresh", json={"refresh_token": refresh_token})
        if response.status_code == 401:
            raise NotSignedInError(
                f"The sign-in to {self.server} has expired or was revoked "
                f"({_detail(response)}): run `review-app login` again."
            )
        return self._signed_in(_checked(response))

    def logout(self) -> None:
        """End this login on the server: its refresh tokens stop working."""
        _checked(self._authorized("POST", "/api/auth/logout"))

    def create_project(self, *, name: str, archive: bytes) -> uuid.UUID:
        """Upload the files (a zip) as a new project; its id."""
        files = {"archive": ("files.zip", archive, "application/zip")}
        return uuid.UUID(
            self._call("POST", "/api/projects", data={"name": name}, files=files)["id"]
        )

    def review_project(
        self, *, name: str, archive: bytes, base_project_id: uuid.UUID | None = None
    ) -> ProjectReviewState:
        """Upload the files as a new project and start reviewing every file of it (with a base
        project: the change from it)."""
        project_id = self.create_project(name=name, archive=archive)
        body = {"base_project_id": str(base_project_id)} if base_project_id else None
        started = self._call("POST", f"/api/projects/{project_id}/reviews", json=body)
        return self.project_review(project_id, uuid.UUID(started["id"]))

    def review(self, review_id: uuid.UUID) -> ReviewState:
        """The current state of one review (a file of a project review, say)."""
        return ReviewState.model_validate(self._call("GET", f"/api/reviews/{review_id}"))

    def project_review(self, project_id: uuid.UUID, review_id: uuid.UUID) -> ProjectReviewState:
        """The current state of a project review."""
        path = f"/api/projects/{project_id}/reviews/{review_id}"
        return ProjectReviewState.model_validate(self._call("GET", path))

    def reviewed_files(self, project_id: uuid.UUID, review_id: uuid.UUID) -> list[ReviewedFile]:
        """Every reviewed file of a completed project review, with its result."""
        path = f"/api/projects/{project_id}/reviews/{review_id}/export"
        document = self._call("GET", path, params={"format": "json"})
        return [ReviewedFile.of(exported) for exported in document["files"]]

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        return _checked(self._authorized(method, path, **kwargs)).json()

    def _authorized(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """A request with the access token, renewed once if it has expired meanwhile."""
        response = self._send(method, path, headers=self._bearer(), **kwargs)
        if response.status_code == 401 and self.refresh_token:
            self.resume(self.refresh_token)
            if self.on_token_rotated is not None:
                self.on_token_rotated(self.refresh_token)
            response = self._send(method, path, headers=self._bearer(), **kwargs)
        return response

    def _bearer(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._access_token}"} if self._access_token else {}

    def _signed_in(self, response: httpx.Response) -> Tokens:
        tokens = Tokens.model_validate(response.json())
        self._access_token, self.refresh_token = tokens.access_token, tokens.refresh_token
        return tokens

    def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            return self._http.request(method, path, **kwargs)
        except httpx.TimeoutException as error:
            wait = int(REQUEST_TIMEOUT_SECONDS)
            raise CliError(
                f"The server at {self.server} did not answer within {wait} s."
            ) from error
        except httpx.TransportError as error:
            raise CliError(
                f"Cannot reach the review_app server at {self.server} ({error}). "
                "Is it running? Point at it with --server or REVIEW_APP_URL."
            ) from error


def _checked(response: httpx.Response) -> httpx.Response:
    """The response if it succeeded, else the error a person can act on."""
    status = response.status_code
    if status < 400:
        return response
    if status == 429:
        raise RateLimitedError(int(response.headers.get("Retry-After", "60")))
    if status in (413, 422):
        raise SubmissionRefusedError(_detail(response))
    if status == 401:
        raise NotSignedInError(f"{_detail(response)} Run `review-app login`.")
    raise CliError(f"The server answered {status}: {_detail(response)}")


def _detail(response: httpx.Response) -> str:
    """The server's message (`{"detail": ...}`), or the start of the body."""
    try:
        detail = response.json().get("detail")
    except ValueError:
        return response.text[:200] or response.reason_phrase
    if isinstance(detail, list):  # FastAPI validation errors
        return "; ".join(str(item.get("msg", item)) for item in detail)
    return str(detail)
