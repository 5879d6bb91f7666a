"""The export formats, and what one reviewed file brings to a document."""

import uuid
from enum import StrEnum
from importlib.metadata import PackageNotFoundError, version

from pydantic import BaseModel

from review_app.review.models import ReviewResult

TOOL_NAME = "review_app"


def tool_version() -> str:
    """The installed version of review_app."""
    try:
        return version(TOOL_NAME)
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0.0.0"


class ExportFormat(StrEnum):
    """A document a review can be exported as."""

    JSON = "json"
    SARIF = "sarif"
    MARKDOWN = "markdown"

    @property
    def media_type(self) -> str:
        """The Content-Type of the document."""
        return _MEDIA_TYPES[self]

    @property
    def extension(self) -> str:
        """The file name extension of a download."""
        return _EXTENSIONS[self]


_MEDIA_TYPES = {
    ExportFormat.JSON: "application/json",
    ExportFormat.SARIF: "application/sarif+json",
    ExportFormat.MARKDOWN: "text/markdown; charset=utf-8",
}
_EXTENSIONS = {ExportFormat.JSON: "json", ExportFormat.SARIF: "sarif", ExportFormat.MARKDOWN: "md"}


class FileReview(BaseModel):
    """The finished review of one file, as an export shows it."""

    path: str  # relative, with forward slashes: what a reader and a code-scanning tool see
    code: str
    result: ReviewResult
    review_id: uuid.UUID | None = None
