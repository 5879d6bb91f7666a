"""The summary of a project review: one score, findings by severity, category and file, and the
files that need attention first."""

from collections import Counter
from collections.abc import Sequence

from pydantic import BaseModel, Field

from review_app.review.change_summary import ChangeSummary
from review_app.review.models import Category, ReviewResult, Severity
from review_app.review.scoring import counted

WORST_FILES = 5


class FileOutcome(BaseModel):
    """How the review of one file of the project ended: a result, or why there is none."""

    path: str
    result: ReviewResult | None = None
    error: str | None = None


class FileTally(BaseModel):
    """One file's score and findings by severity (a failed file has an error instead)."""

    path: str
    language: str | None = None
    score: int | None = None
    findings: int = 0
    by_severity: dict[Severity, int] = Field(default_factory=dict)
    error: str | None = None


class ProjectSummary(BaseModel):
    """A finished project review at a glance; the findings themselves stay with each file."""

    score: int | None = Field(
        description="The files' scores weighted by their lines; null when no file was reviewed."
    )
    findings: int
    by_severity: dict[Severity, int]
    by_category: dict[Category, int]
    files: list[FileTally] = Field(description="Worst first: lowest score, then most findings.")
    worst_files: list[str] = Field(
        description=f"Up to {WORST_FILES} files with findings above info, worst first."
    )
    failed_files: list[str] = Field(description="Files whose review failed (see their error).")
    change: ChangeSummary | None = Field(
        default=None, description="A change review's new, fixed and unchanged findings."
    )


def summarize_project(outcomes: Sequence[FileOutcome]) -> ProjectSummary:
    """Sum up the files' reviews; LLM-dismissed low and medium findings do not count."""
    tallies = [_tally(outcome) for outcome in outcomes]
    severities: Counter[Severity] = Counter()
    categories: Counter[Category] = Counter()
    for outcome in outcomes:
        if outcome.result is not None:
            for finding in counted(outcome.result.findings):
                severities[finding.severity] += 1
                categories[finding.category] += 1
    ranked = sorted(tallies, key=_worst_first)
    return ProjectSummary(
        score=_weighted_score(outcomes),
        findings=sum(severities.values()),
        by_severity={severity: severities[severity] for severity in _by_rank()},
        by_category={category: categories[category] for category in Category},
        files=ranked,
        worst_files=[tally.path for tally in ranked if _needs_work(tally)][:WORST_FILES],
        failed_files=[tally.path for tally in tallies if tally.error is not None],
    )


def _tally(outcome: FileOutcome) -> FileTally:
    if outcome.result is None:
        return FileTally(path=outcome.path, error=outcome.error or "The review failed.")
    findings = counted(outcome.result.findings)
    severities = Counter(finding.severity for finding in findings)
    return FileTally(
        path=outcome.path,
        language=outcome.result.language,
        score=outcome.result.score,
        findings=len(findings),
        by_severity={severity: count for severity in _by_rank() if (count := severities[severity])},
    )


def _needs_work(tally: FileTally) -> bool:
    """Whether the file has a finding more severe than info."""
    return any(severity is not Severity.INFO for severity in tally.by_severity)


def _worst_first(tally: FileTally) -> tuple[int, int, str]:
    """Failed files first (nothing is known of them), then by score and finding count."""
    score = -1 if tally.score is None else tally.score
    return (score, -tally.findings, tally.path)


def _weighted_score(outcomes: Sequence[FileOutcome]) -> int | None:
    """The mean of the file scores, each weighted by its lines (at least one)."""
    weighted = [
        (outcome.result.score, max(outcome.result.metrics.lines, 1))
        for outcome in outcomes
        if outcome.result is not None
    ]
    total_lines = sum(lines for _, lines in weighted)
    if not total_lines:
        return None
    return round(sum(score * lines for score, lines in weighted) / total_lines)


def _by_rank() -> list[Severity]:
    """The severities, most severe first."""
    return sorted(Severity, key=lambda severity: -severity.rank)
