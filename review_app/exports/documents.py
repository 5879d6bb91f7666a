"""The export formats, and what one reviewed file brings to a document."""

import uuid
from enum import StrEnum
from importlib.metadata import PackageNotFoundError, version

from pydantic import BaseModel

from review_app.review.models import Finding, ReviewResult

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


class Decided(BaseModel):
    """A team's decision on a finding (false positive, won't fix, accepted risk)."""

    kind: str
    comment: str = ""
    by: str | None = None


class Baseline(BaseModel):
    """A change review's view of a file: which of its findings are new, which were fixed."""

    new: set[int]  # indexes into the result's findings; the others are unchanged
    fixed: list[Finding]  # found in the base version only, located there
    base_code: str


class FileReview(BaseModel):
    """The finished review of one file, as an export shows it."""

    path: str  # relative, with forward slashes: what a reader and a code-scanning tool see
    code: str
    result: ReviewResult
    review_id: uuid.UUID | None = None
    baseline: Baseline | None = None  # set in a change review
    decided: dict[int, Decided] = {}  # index into the result's findings -> the decision on it

    def shown_findings(self) -> list[Finding]:
        """The findings a report lists: all of them, or in a change review the new ones."""
        findings = self.result.findings
        if self.baseline is None:
            return findings
        return [finding for index, finding in enumerate(findings) if index in self.baseline.new]
