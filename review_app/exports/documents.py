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


DECISION_LABELS = {
    "false_positive": "false positive",
    "wont_fix": "won't fix",
    "accepted_risk": "accepted risk",
}


class Decided(BaseModel):
    """A team's decision on a finding (false positive, won't fix, accepted risk)."""

    kind: str
    comment: str = ""
    by: str | None = None
    id: int | None = None  # the decision's id, to take it back

    @property
    def label(self) -> str:
        """The kind in words: "false positive", "won't fix" or "accepted risk"."""
        return DECISION_LABELS.get(self.kind, self.kind.replace("_", " "))


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
    in_baseline: set[int] = set()  # indexes of findings the project's baseline hides

    def shown_findings(self) -> list[Finding]:
        """The findings a report lists: all of them, or in a change review the new ones; never
        those the project's baseline hides."""
        return [self.result.findings[index] for index in self._shown_indexes()]

    def open_findings(self) -> list[Finding]:
        """The findings shown that nobody decided on: those a report counts."""
        findings = self.result.findings
        return [findings[index] for index in self._shown_indexes() if index not in self.decided]

    def decided_findings(self) -> list[tuple[Finding, Decided]]:
        """The findings shown that the team decided on, each with its decision."""
        findings = self.result.findings
        return [
            (findings[index], self.decided[index])
            for index in self._shown_indexes()
            if index in self.decided
        ]

    def _shown_indexes(self) -> list[int]:
        return [
            index
            for index in range(len(self.result.findings))
            if (self.baseline is None or index in self.baseline.new)
            and index not in self.in_baseline
        ]
