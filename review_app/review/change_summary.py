"""A change between two versions of a project, finding by finding: new, fixed or unchanged.

Only the files that differ are reviewed. Within a modified file the findings of both versions
are paired by fingerprint (rule, message, the text of the line: see review.fingerprints), so
code that only moved keeps its findings "unchanged"; what is left over in the new version is
"new", in the old one "fixed". Every finding of an added file is new, of a deleted one fixed.
"""

import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, Field

from review_app.review import fingerprints
from review_app.review.models import Finding, ReviewResult, Severity


class FileChange(StrEnum):
    """How a file differs between the base and the new version."""

    ADDED = "added"
    MODIFIED = "modified"
    DELETED = "deleted"


@dataclass(frozen=True)
class FileVersion:
    """One version of a file: its text and, if its review completed, the result."""

    code: str
    result: ReviewResult | None
    review_id: uuid.UUID | None = None  # its stored review, where it has one


@dataclass(frozen=True)
class ChangedFileFindings:
    """The findings of one changed file, sorted by what the change did to them."""

    path: str
    change: FileChange
    new: list[Finding]
    fixed: list[Finding]  # located in the base version
    unchanged: list[Finding]  # located in the new version


class ChangedFileTally(BaseModel):
    """A changed file's counts."""

    path: str
    change: FileChange
    new: int
    fixed: int
    unchanged: int


class ChangeSummary(BaseModel):
    """What a change did to the findings; the gate counts only the new ones."""

    new: int
    fixed: int
    unchanged: int
    new_by_severity: dict[Severity, int] = Field(description="Most severe first.")
    files: list[ChangedFileTally] = Field(description="By path.")


def changed_file_findings(
    path: str, base: FileVersion | None, head: FileVersion | None
) -> ChangedFileFindings:
    """Pair the findings of the two versions of `path` (None: the file is not in that one)."""
    matching = fingerprints.match(_located(base), _located(head))
    if base is None:
        change = FileChange.ADDED
    else:
        change = FileChange.DELETED if head is None else FileChange.MODIFIED
    return ChangedFileFindings(
        path=path,
        change=change,
        new=[item.finding for item in matching.added],
        fixed=[item.finding for item in matching.gone],
        unchanged=[new.finding for _, new in matching.kept],
    )


def summarize_change(files: Sequence[ChangedFileFindings]) -> ChangeSummary:
    """Count the new, fixed and unchanged findings of every changed file."""
    severities = Counter(finding.severity for file in files for finding in file.new)
    return ChangeSummary(
        new=sum(len(file.new) for file in files),
        fixed=sum(len(file.fixed) for file in files),
        unchanged=sum(len(file.unchanged) for file in files),
        new_by_severity={
            severity: severities[severity]
            for severity in sorted(Severity, key=lambda severity: -severity.rank)
        },
        files=[
            ChangedFileTally(
                path=file.path,
                change=file.change,
                new=len(file.new),
                fixed=len(file.fixed),
                unchanged=len(file.unchanged),
            )
            for file in sorted(files, key=lambda file: file.path)
        ],
    )


def _located(version: FileVersion | None) -> list[fingerprints.Located]:
    if version is None or version.result is None:
        return []
    return fingerprints.Located.all_in(version.result.findings, version.code)
