"""The review a page has open: scores, summary, findings (sortable, filterable) and markers.

Shared by the editor (a live job) and the read-only review page.
"""

import dataclasses
import uuid
from functools import partial

import reflex as rx

from review_app import routes
from review_app.exports import ExportFormat
from review_app.models import ReviewStatus
from review_app.review.analyzers.registry import ANALYZERS
from review_app.review.models import LLM_SOURCE, Category, Finding, ReviewResult, Severity, Stage
from review_app.services import rules
from review_app.services.errors import ServiceError
from review_app.services.live_channel import ProgressEvent
from review_app.services.reviews import submissions as reviews
from review_app.services.reviews.comparison import FindingBrief, compare_with_previous
from review_app.services.reviews.downloads import export_review
from review_app.services.reviews.views import ReviewDetail
from review_app.state.session import SessionState

ALL = "all"
SEVERITY_ORDER = [severity.value for severity in Severity]
SORT_KEYS = ["severity", "line", "category", "source"]
SEVERITY_OPTIONS = [ALL, *SEVERITY_ORDER]
CATEGORY_OPTIONS = [ALL, *(category.value for category in Category)]
SOURCE_OPTIONS = [ALL, *(analyzer.name for analyzer in ANALYZERS), LLM_SOURCE]


@dataclasses.dataclass
class FindingRow:
    """One finding as the table and the editor markers show it."""

    index: int
    title: str
    detail: str
    severity: str
    category: str
    line: int
    column: int
    rule: str
    rule_url: str  # the rule's page, "" when it has none
    cwe: str  # "CWE-89", or ""
    cwe_url: str
    sources: str
    fix: str
    verdict: str  # "confirmed", "dismissed" (by the LLM), or ""
    verdict_reason: str

    @classmethod
    def of(cls, index: int, finding: Finding) -> "FindingRow":
        """The row of a finding."""
        documented = finding.rule in rules.documented_rules()
        return cls(
            index=index,
            title=finding.title,
            detail=finding.detail,
            severity=finding.severity,
            category=finding.category,
            line=finding.line,
            column=finding.column or 1,
            rule=finding.rule or "",
            rule_url=routes.rule_url(finding.rule) if documented else "",
            cwe=f"CWE-{finding.cwe}" if finding.cwe else "",
            cwe_url=routes.cwe_url(finding.cwe) if finding.cwe else "",
            sources=", ".join(finding.sources),
            fix=finding.suggested_fix or "",
            verdict=finding.verdict.state if finding.verdict else "",
            verdict_reason=finding.verdict.reason if finding.verdict else "",
        )


@dataclasses.dataclass
class ScoreRow:
    """A per-category score, or "not checked" where nothing looked at that category."""

    category: str
    score: str


@dataclasses.dataclass
class AnalyzerRow:
    """An analyzer of the review: what ran (version, rules) or why it could not."""

    name: str
    detail: str
    ran: bool


@dataclasses.dataclass
class ChangeRow:
    """A finding fixed or new since the previous review of the file."""

    title: str
    rule: str
    severity: str
    line: int

    @classmethod
    def of(cls, brief: FindingBrief) -> "ChangeRow":
        """The row of a compared finding."""
        return cls(
            title=brief.title, rule=brief.rule or "", severity=brief.severity, line=brief.line
        )


class ReviewViewState(rx.State):
    """The open review and how its findings are shown."""

    review_id: str = ""
    filename: str = ""
    language: str = "python"
    status: str = ""
    progress: int = 0
    stage: str = ""
    error: str = ""
    cached: bool = False
    score: int = -1
    summary: str = ""
    llm_state: str = ""
    llm_reason: str = ""
    code: str = ""
    code_version: int = 0
    category_scores: list[ScoreRow] = []
    analyzers: list[AnalyzerRow] = []
    findings: list[FindingRow] = []
    fixed: list[ChangeRow] = []
    new: list[ChangeRow] = []
    compared: bool = False
    not_found: bool = False

    severity_filter: str = ALL
    category_filter: str = ALL
    source_filter: str = ALL
    sort_key: str = "severity"
    reveal_line: int = 0
    reveal_version: int = 0

    @rx.var
    def finished(self) -> bool:
        """Whether the review has its final result."""
        return self.status in (ReviewStatus.COMPLETED, ReviewStatus.FAILED)

    @rx.var
    def visible_findings(self) -> list[FindingRow]:
        """The findings that pass the filters, in the chosen order."""
        rows = [
            row
            for row in self.findings
            if self.severity_filter in (ALL, row.severity)
            and self.category_filter in (ALL, row.category)
            and (self.source_filter == ALL or self.source_filter in row.sources.split(", "))
        ]
        return sorted(rows, key=self._sort_key_of)

    @rx.var
    def markers(self) -> list[dict]:
        """Every finding as an inline editor marker with hover text."""
        return [
            {
                "line": row.line,
                "column": row.column,
                "severity": row.severity,
                "message": f"{row.title} [{row.rule or row.sources}] {row.detail}".strip(),
                "source": row.sources,
            }
            for row in self.findings
        ]

    @rx.event
    async def open_from_route(self):
        """Open the review named in the page's URL (read-only page), never showing a stale one."""
        self._clear()
        yield
        await self._open(self.router.page.params.get("review_id", ""))

    @rx.event
    async def open(self, review_id: str):
        """Open one of the user's reviews (clicking a job)."""
        await self._open(review_id)

    @rx.event
    async def download(self, export_format: str):
        """Download the open review as SARIF, Markdown or JSON."""
        session = await self.get_state(SessionState)
        try:
            user = await session._current_user()
            document = await rx.run_in_thread(
                partial(
                    export_review,
                    user_id=user.id,
                    review_id=uuid.UUID(self.review_id),
                    export_format=ExportFormat(export_format),
                )
            )
        except (ServiceError, ValueError) as error:
            return rx.toast.error(str(error))
        return rx.download(data=document.content, filename=document.filename)

    @rx.event
    def show_line(self, line: int) -> None:
        """Scroll the editor to a finding's line."""
        self.reveal_line = line
        self.reveal_version += 1

    @rx.event
    def set_severity_filter(self, value: str) -> None:
        """Show only findings of one severity (or all)."""
        self.severity_filter = value if value in SEVERITY_OPTIONS else ALL

    @rx.event
    def set_category_filter(self, value: str) -> None:
        """Show only findings of one category (or all)."""
        self.category_filter = value if value in CATEGORY_OPTIONS else ALL

    @rx.event
    def set_source_filter(self, value: str) -> None:
        """Show only findings from one tool (or all)."""
        self.source_filter = value if value in SOURCE_OPTIONS else ALL

    @rx.event
    def set_sort_key(self, value: str) -> None:
        """Order the findings by severity, line, category or source."""
        self.sort_key = value if value in SORT_KEYS else "severity"

    def _sort_key_of(self, row: FindingRow) -> tuple:
        severity = SEVERITY_ORDER.index(row.severity) if row.severity in SEVERITY_ORDER else 99
        keys = {
            "severity": (severity, row.line),
            "line": (row.line, severity),
            "category": (row.category, severity, row.line),
            "source": (row.sources, severity, row.line),
        }
        return keys.get(self.sort_key, keys["severity"])

    def _fix_of(self, index: int) -> str:
        """The suggested diff of a finding (by its index), or ""."""
        return next((row.fix for row in self.findings if row.index == index), "")

    async def _open(self, review_id: str) -> None:
        """Load a review of the signed-in user; someone else's is simply not found."""
        session = await self.get_state(SessionState)
        try:
            user = await session._current_user()
            await self._load(user.id, uuid.UUID(review_id))
        except (ServiceError, ValueError):
            self._clear()
            self.not_found = True

    async def _load(self, user_id: uuid.UUID, review_id: uuid.UUID) -> None:
        detail = await rx.run_in_thread(
            partial(reviews.get_review, user_id=user_id, review_id=review_id)
        )
        comparison = await rx.run_in_thread(
            partial(compare_with_previous, user_id=user_id, review_id=review_id)
        )
        self._show(detail)
        self.fixed = [ChangeRow.of(brief) for brief in comparison.fixed] if comparison else []
        self.new = [ChangeRow.of(brief) for brief in comparison.new] if comparison else []
        self.compared = comparison is not None

    async def _apply(self, event: ProgressEvent, user_id: uuid.UUID) -> None:
        """Follow the open review's progress; load its result when it finishes."""
        if str(event.review_id) != self.review_id:
            return
        self.status, self.progress = event.status, event.progress
        self.stage = event.stage.label
        if event.status in (ReviewStatus.COMPLETED, ReviewStatus.FAILED):
            await self._load(user_id, event.review_id)

    def _show(self, detail: ReviewDetail) -> None:
        result = detail.result
        self.review_id = str(detail.id)
        self.filename = detail.filename or ""
        self.language = detail.language
        self.status, self.progress = detail.status, detail.progress
        self.stage = Stage(detail.stage).label
        self.error = detail.error or ""
        self.cached = detail.cached
        self.score = detail.score if detail.score is not None else -1
        self.llm_state = detail.llm or ""
        self.llm_reason = detail.llm_reason or ""
        self.summary = result.summary if result else ""
        self.category_scores = [
            ScoreRow(category=category, score="not checked" if score is None else str(score))
            for category, score in (result.category_scores.items() if result else [])
        ]
        self.analyzers = _analyzer_rows(result) if result else []
        self.findings = (
            [FindingRow.of(index, finding) for index, finding in enumerate(result.findings)]
            if result
            else []
        )
        if self.code != detail.code:
            self.code = detail.code
            self.code_version += 1
        self.not_found = False

    def _clear(self) -> None:
        self.not_found = False
        self.review_id = self.filename = self.status = self.stage = self.error = ""
        self.summary = self.llm_state = self.llm_reason = ""
        self.score, self.progress = -1, 0
        self.category_scores, self.findings, self.fixed, self.new = [], [], [], []
        self.analyzers = []
        self.compared = False


def _analyzer_rows(result: ReviewResult) -> list[AnalyzerRow]:
    """The analyzers that ran, with versions and rule counts, then those that could not."""
    ran = [
        AnalyzerRow(run.name, run.version + (f", {run.rules} rules" if run.rules else ""), True)
        for run in result.analyzers
    ]
    failed = [AnalyzerRow(error.source, error.message, False) for error in result.tool_errors]
    return ran + failed
