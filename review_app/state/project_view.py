"""The project a page has open: its files, its latest review, live progress and summary."""

import dataclasses
import uuid
from functools import partial

import reflex as rx

from review_app import routes
from review_app.exports import ExportFormat
from review_app.models import ReviewStatus, TeamRole
from review_app.request_ids import in_request, new_request_id
from review_app.review.errors import InvalidSubmissionError
from review_app.review.models import FileRole
from review_app.review.project_summary import FileTally, ProjectSummary
from review_app.review.review_config import CONFIG_FILE
from review_app.services.errors import ServiceError
from review_app.services.live_channel import ProjectProgressEvent
from review_app.services.projects import changes, review_reading, reviewing
from review_app.services.projects import store as projects
from review_app.services.projects.review_views import ProjectReviewDetail
from review_app.services.projects.views import ProjectDetail, ProjectFileSummary
from review_app.state.conversations import ConversationState
from review_app.state.project_findings import ProjectFindingsState
from review_app.state.review_view import ReviewViewState
from review_app.state.session import SessionState


@dataclasses.dataclass
class FileRow:
    """A row of the project's file tree: a folder, or a file with its review's outcome."""

    path: str
    language: str
    status: str = ""
    score: int = -1
    findings: int = 0
    review_id: str = ""
    error: str = ""
    name: str = ""  # the last part of the path
    depth: int = 0  # folders above it
    folder: bool = False


def as_tree(files: list[FileRow]) -> list[FileRow]:
    """The files by path, each folder listed once before its contents, names indented."""
    rows, shown = [], set()
    for file in sorted(files, key=lambda row: row.path.split("/")):
        parts = file.path.split("/")
        for depth in range(len(parts) - 1):
            folder = "/".join(parts[: depth + 1])
            if folder not in shown:
                shown.add(folder)
                rows.append(
                    FileRow(path=folder, language="", name=parts[depth], depth=depth, folder=True)
                )
        rows.append(dataclasses.replace(file, name=parts[-1], depth=len(parts) - 1))
    return rows


@dataclasses.dataclass
class ChangedFileRow:
    """A file a change review compared: how it changed, its new and fixed findings."""

    path: str
    change: str
    new: int
    fixed: int


@dataclasses.dataclass
class CountRow:
    """How many findings of one severity or category."""

    name: str
    count: int


class ProjectViewState(rx.State):
    """The open project and its latest review."""

    project_id: str = ""
    name: str = ""
    not_found: bool = False
    not_reviewed: list[str] = []
    skipped: list[str] = []
    files: list[FileRow] = []
    review_id: str = ""
    status: str = ""
    files_done: int = 0
    file_count: int = 0
    current_file: str = ""
    findings_so_far: int = 0
    score: int = -1
    severities: list[CountRow] = []
    categories: list[CountRow] = []
    worst_files: list[str] = []
    error: str = ""
    config_problem: str = ""  # why the project's review_app.toml is not applied
    team_label: str = ""  # its team and the user's role there; empty: a personal project
    may_review: bool = True  # false for a viewer of its team
    may_manage: bool = True  # its owner, or a maintainer of its team: sets the baseline
    in_baseline: int = 0  # findings of the review the project's baseline hides
    open_path: str = ""  # the file shown in the viewer
    # Where decisions and conversations on the shown review's findings land: a change review's
    # base project, else this one.
    triage_project_id: str = ""
    change_new: int = -1  # a change review's new findings; -1: not a change review
    change_fixed: int = 0
    change_unchanged: int = 0
    changed_files: list[ChangedFileRow] = []
    diff_open: bool = False
    diff_error: str = ""

    @rx.var
    def percent(self) -> int:
        """How far the review is, in files."""
        return round(100 * self.files_done / self.file_count) if self.file_count else 0

    @rx.event
    async def open_from_route(self):
        """Open the project named in the page's URL and its latest review."""
        self._show(None)
        (await self.get_state(ProjectFindingsState))._clear()
        await self._follow_triage()
        yield
        await self._load(self.router.page.params.get("project_id", ""))

    @rx.event
    async def start_review(self):
        """Review every file of the project; progress arrives live."""
        self.error = ""
        try:
            user = await (await self.get_state(SessionState))._current_user()
            start = partial(
                reviewing.start_project_review,
                user_id=user.id,
                project_id=uuid.UUID(self.project_id),
            )
            started = await rx.run_in_thread(in_request(start, new_request_id()))
        except (ServiceError, ValueError) as error:
            self.error = str(error)
            return
        await self._load_review(user.id, started.id)

    @rx.event
    def set_diff_open(self, is_open: bool) -> None:
        """Open or close the dialog that takes a change as a diff."""
        self.diff_open, self.diff_error = is_open, ""

    @rx.event
    async def review_change(self, form: dict):
        """Apply a unified diff to this project as its next version, and review the change."""
        self.diff_error = ""
        try:
            user = await (await self.get_state(SessionState))._current_user()
            review_diff = partial(
                changes.review_diff,
                user_id=user.id,
                base_project_id=uuid.UUID(self.project_id),
                diff=str(form.get("diff", "")),
            )
            started = await rx.run_in_thread(in_request(review_diff, new_request_id()))
        except (ServiceError, InvalidSubmissionError, ValueError) as error:
            self.diff_error = str(error)
            return None
        self.diff_open = False
        return rx.redirect(routes.project_url(str(started.project_id)))

    @rx.event
    async def download(self, export_format: str):
        """Download the completed project review as one SARIF, Markdown or JSON document."""
        try:
            user = await (await self.get_state(SessionState))._current_user()
            document = await rx.run_in_thread(
                partial(
                    review_reading.export_project_review,
                    user_id=user.id,
                    project_id=uuid.UUID(self.project_id),
                    project_review_id=uuid.UUID(self.review_id),
                    export_format=ExportFormat(export_format),
                )
            )
        except (ServiceError, ValueError) as error:
            self.error = str(error)
            return None
        return rx.download(data=document.content, filename=document.filename)

    @property
    def _file_paths(self) -> list[str]:
        """Every file the tree shows."""
        return [row.path for row in self.files if not row.folder]

    async def _show_review_of(self, path: str) -> None:
        """Show the latest review of file `path` below the workspace (none: an empty panel)."""
        self.open_path = path
        row = next((row for row in self.files if row.path == path and row.review_id), None)
        view = await self.get_state(ReviewViewState)
        if row is None:
            view._clear()
        elif view.review_id != row.review_id:  # the same review keeps the fixes it followed
            await view._open(row.review_id)

    def _files_changed(self, removed: str = "", added: ProjectFileSummary | None = None) -> None:
        """The workspace removed, added or renamed (both) a file: the tree follows."""
        rows = [row for row in self.files if not row.folder and row.path != removed]
        if added is not None and added.language:
            rows.append(FileRow(path=added.path, language=added.language))
        elif added is not None:
            self.not_reviewed = sorted({*self.not_reviewed, added.path})
        self.not_reviewed = [path for path in self.not_reviewed if path != removed]
        self.files = as_tree(rows)

    async def _apply(self, event: ProjectProgressEvent, user_id: uuid.UUID) -> None:
        """A file of the open project review ended, or the whole review did; or a review of
        this project started elsewhere (a teammate, another tab): show the newest."""
        if str(event.project_review_id) != self.review_id:
            if str(event.project_id) == self.project_id:
                await self._load(self.project_id)
            return
        if event.status == ReviewStatus.COMPLETED:
            await self._load_review(user_id, event.project_review_id)
            return
        self.files_done = max(self.files_done, event.files_done)  # pushes may cross
        self.findings_so_far = max(self.findings_so_far, event.findings_so_far)
        self.current_file = event.current_file or self.current_file

    async def _load(self, project_id: str) -> None:
        try:
            user = await (await self.get_state(SessionState))._current_user()
            wanted = uuid.UUID(project_id)
            project = await rx.run_in_thread(
                partial(projects.get_project, user_id=user.id, project_id=wanted)
            )
            reviews = await rx.run_in_thread(
                partial(
                    review_reading.list_project_reviews, user_id=user.id, project_id=wanted, limit=1
                )
            )
        except (ServiceError, ValueError):
            self.not_found = True
            return
        self._show(project)
        if reviews.items:
            await self._load_review(user.id, reviews.items[0].id)
        await self._follow_triage()

    async def _load_review(self, user_id: uuid.UUID, review_id: uuid.UUID) -> None:
        read = partial(
            review_reading.get_project_review,
            user_id=user_id,
            project_id=uuid.UUID(self.project_id),
            project_review_id=review_id,
        )
        review = await rx.run_in_thread(read)
        self._show_review(review)
        await self._follow_triage()
        listed = await self.get_state(ProjectFindingsState)
        if review.status != ReviewStatus.COMPLETED:
            listed._clear()
            return
        files_read = partial(
            review_reading.reviewed_files,
            user_id=user_id,
            project_id=uuid.UUID(self.project_id),
            project_review_id=review_id,
        )
        listed._show(await rx.run_in_thread(files_read), str(review_id))

    async def _follow_triage(self) -> None:
        """List the conversations of the project the shown review's findings land on."""
        await (await self.get_state(ConversationState))._follow(self.triage_project_id)

    def _show(self, project: ProjectDetail | None) -> None:
        """Show `project` (None: nothing, while loading) without a review yet."""
        self.not_found = False
        self.project_id = self.triage_project_id = str(project.id) if project else ""
        self.name = project.name if project else ""
        self.not_reviewed = project.not_reviewed if project else []
        self.config_problem = project.config_problem if project else ""
        role = project.role if project else None
        self.team_label = f"Team {project.team_name} · {role.value}" if project and role else ""
        self.may_review = role is None or role.at_least(TeamRole.MEMBER)
        self.may_manage = role is None or role.at_least(TeamRole.MAINTAINER)
        skipped = project.skipped if project else []
        self.skipped = [f"{file.path} ({file.reason})" for file in skipped]
        self.files = as_tree(
            [
                FileRow(path=file.path, language=file.language)
                for file in (project.files if project else [])
                if file.language
            ]
        )
        self.open_path = ""
        self.review_id = self.status = self.current_file = self.error = ""
        self.files_done = self.file_count = self.findings_so_far = 0
        self.score, self.in_baseline = -1, 0
        self.severities, self.categories, self.worst_files = [], [], []
        self.change_new, self.changed_files = -1, []

    def _show_review(self, review: ProjectReviewDetail) -> None:
        left_out = [f"{file.path} ({_skip_reason(file.reason)})" for file in review.skipped]
        self.skipped = [item for item in self.skipped if item not in left_out] + left_out
        self.review_id = str(review.id)
        self.triage_project_id = str(review.base_project_id or review.project_id)
        self.status = review.status
        self.files_done, self.file_count = review.files_done, review.file_count
        self.score = review.score if review.score is not None else -1
        self.in_baseline = review.in_baseline
        summary = review.summary
        tallies = {tally.path: tally for tally in summary.files} if summary else {}
        self.files = as_tree(
            [
                _file_row(
                    file.path, file.language, file.status, file.review_id, tallies.get(file.path)
                )
                for file in review.files
            ]
        )
        if summary is not None:
            self._show_summary(summary)

    def _show_summary(self, summary: ProjectSummary) -> None:
        self.findings_so_far = summary.findings
        severities = summary.by_severity.items()
        self.severities = [CountRow(str(name), count) for name, count in severities]
        self.categories = [
            CountRow(str(name), count) for name, count in summary.by_category.items() if count
        ]
        self.worst_files = summary.worst_files
        change = summary.change
        if change is not None:
            self.change_new, self.change_fixed = change.new, change.fixed
            self.change_unchanged = change.unchanged
            self.changed_files = [
                ChangedFileRow(file.path, str(file.change), file.new, file.fixed)
                for file in change.files
            ]


def _skip_reason(role: str) -> str:
    """Why a project review left a file out, in words."""
    return f"ignored by {CONFIG_FILE}" if role == FileRole.IGNORED else f"{role} code"


def _file_row(
    path: str, language: str, status: str, review_id: uuid.UUID, tally: FileTally | None
) -> FileRow:
    """A file's row: its state, and its score and findings once the project review ended."""
    return FileRow(
        path=path,
        language=language,
        status=status,
        score=tally.score if tally and tally.score is not None else -1,
        findings=tally.findings if tally else 0,
        review_id=str(review_id),
        error=(tally.error or "") if tally else "",
    )
