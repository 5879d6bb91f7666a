"""The review a page has open: scores, summary, findings and markers (listed by findings_table).

Shared by the editor (a live job) and the read-only review page.
"""

import dataclasses
import uuid
from functools import partial

import reflex as rx

from review_app.exports import ExportFormat
from review_app.models import ReviewStatus
from review_app.review.diffs import apply_unified_diff, line_map
from review_app.review.errors import PatchApplyError
from review_app.review.languages import submission_filename
from review_app.review.models import FileRole, ReviewResult, Stage
from review_app.services.errors import ServiceError
from review_app.services.live_channel import ProgressEvent
from review_app.services.reviews import submissions as reviews
from review_app.services.reviews.comparison import FindingBrief, compare_with_previous
from review_app.services.reviews.downloads import export_review
from review_app.services.reviews.views import ReviewDetail
from review_app.state.finding_rows import FindingRow
from review_app.state.findings_table import FindingsTable
from review_app.state.session import SessionState
from review_app.state.timestamps import shown_time


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


class ReviewViewState(FindingsTable, rx.State):
    """The open review and how its findings are shown."""

    review_id: str = ""
    filename: str = ""
    submitted: str = ""
    language: str = "python"
    status: str = ""
    progress: int = 0
    stage: str = ""
    error: str = ""
    download_error: str = ""  # why the last download failed
    cached: bool = False
    score: int = -1
    summary: str = ""
    llm_state: str = ""
    llm_reason: str = ""
    code: str = ""
    code_version: int = 0
    category_scores: list[ScoreRow] = []
    analyzers: list[AnalyzerRow] = []
    context_note: str = ""  # a project's file: its role and the findings its context left out
    fixed: list[ChangeRow] = []
    new: list[ChangeRow] = []
    compared: bool = False
    not_found: bool = False

    reveal_line: int = 0
    reveal_version: int = 0

    @rx.var
    def finished(self) -> bool:
        """Whether the review has its final result."""
        return self.status in (ReviewStatus.COMPLETED, ReviewStatus.FAILED)

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
                "fix": row.index if row.fix else -1,
                "fix_title": row.title,
            }
            for row in self._findings
        ]

    @rx.var
    def safe_fix_count(self) -> int:
        """How many findings have a fix their tool vouches for."""
        return sum(1 for row in self._findings if row.fix and row.safe_fix)

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
            self.download_error = str(error)
            return None
        self.download_error = ""
        return rx.download(data=document.content, filename=document.filename)

    @rx.event
    def show_line(self, line: int) -> None:
        """Scroll the editor to a finding's line."""
        self._reveal(line)

    def _reveal(self, line: int) -> None:
        self.reveal_line = line
        self.reveal_version += 1

    def _fix_of(self, index: int) -> str:
        """The suggested diff of a finding (by its index), or ""."""
        return next((row.fix for row in self._findings if row.index == index), "")

    def _safe_fixes(self) -> list[int]:
        """The indexes of the findings with a safe fix, top of the code first."""
        rows = sorted((row for row in self._findings if row.fix and row.safe_fix), key=_position)
        return [row.index for row in rows]

    def _fixed(self, index: int, code: str) -> str | None:
        """`code` with finding `index` fixed, or None; unless the code was edited by hand since,
        the review's findings follow the fix."""
        try:
            fixed = apply_unified_diff(code, self._fix_of(index))
        except PatchApplyError:
            return None
        if self.code == code:
            self._follow_fix(index, code, fixed)
        return fixed

    def _follow_fix(self, index: int, before: str, after: str) -> None:
        """Finding `index` was fixed, turning `before` into `after`: it goes, the others move
        with their lines (those on lines the fix rewrote go too), and the markers stay on."""
        where = line_map(before, self._fix_of(index))
        moved = []
        for row in self._findings:
            line = where(row.line)
            if row.index != index and line is not None:
                moved.append(dataclasses.replace(row, line=line))
        self._findings = moved
        self.code = after

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
        if self.review_id != str(detail.id):
            self._reset_table()
        self.review_id = str(detail.id)
        self.filename = detail.filename or ""
        self.submitted = shown_time(detail.created_at)
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
        self.context_note = _context_note(result) if result else ""
        path = detail.path or detail.filename or submission_filename(detail.language)
        findings = result.findings if result else []
        self._findings = [FindingRow.of(index, item, path) for index, item in enumerate(findings)]
        if self.code != detail.code:
            self.code = detail.code
            self.code_version += 1
        self.not_found = False

    def _clear(self) -> None:
        self.not_found = False
        self.review_id = self.filename = self.status = self.stage = self.error = ""
        self.download_error = ""
        self.submitted = ""
        self.summary = self.llm_state = self.llm_reason = ""
        self.score, self.progress = -1, 0
        self.category_scores, self._findings, self.fixed, self.new = [], [], [], []
        self.analyzers = []
        self.context_note = ""
        self.compared = False


def _position(row: FindingRow) -> tuple[int, int]:
    return row.line, row.column


def _analyzer_rows(result: ReviewResult) -> list[AnalyzerRow]:
    """The analyzers that ran, with versions and rule counts, then those that could not."""
    ran = [
        AnalyzerRow(run.name, run.version + (f", {run.rules} rules" if run.rules else ""), True)
        for run in result.analyzers
    ]
    failed = [AnalyzerRow(error.source, error.message, False) for error in result.tool_errors]
    return ran + failed


def _context_note(result: ReviewResult) -> str:
    """What the file's context in its project changed, in words; "" when nothing."""
    parts = []
    if result.context is not None and result.context.role != FileRole.SOURCE:
        parts.append(f"Reviewed as {result.context.role.value} code.")
    if result.context is not None and result.context.severities:
        changed = ", ".join(f"{rule} {level}" for rule, level in result.context.severities.items())
        parts.append(f"Severities set by the project: {changed}.")
    if result.context is not None and result.context.disabled_analyzers:
        parts.append(
            f"Switched off by the project: {', '.join(result.context.disabled_analyzers)}."
        )
    if result.suppressed:
        left_out = "; ".join(
            f"{item.count} of {item.rule or 'unnamed rule'} ({item.reason})"
            for item in result.suppressed
        )
        parts.append(f"Left out: {left_out}.")
    return " ".join(parts)
