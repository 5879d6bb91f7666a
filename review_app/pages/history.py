"""/history: the user's reviews, filtered, searched and paged; each opens read-only."""

import dataclasses
from functools import partial

import reflex as rx

from review_app import routes
from review_app.components.labeled import labeled
from review_app.components.messages import messages
from review_app.components.page import page
from review_app.components.paging import Paging, pager
from review_app.components.table import listing_table
from review_app.review.errors import InvalidSubmissionError
from review_app.review.languages import SUPPORTED_LANGUAGES
from review_app.services.errors import ServiceError
from review_app.services.projects import review_reading
from review_app.services.projects.review_views import ListedProjectReview
from review_app.services.reviews import submissions as reviews
from review_app.state.date_input import parse_date_input
from review_app.state.jobs import JobRow
from review_app.state.session import SessionState
from review_app.state.timestamps import shown_time

PAGE_SIZE = 20
ANY = "any"
STATUSES = [ANY, "pending", "running", "completed", "failed"]
COLUMNS = ("File", "Language", "Status", "Score", "When")
PROJECT_COLUMNS = ("Project", "Files", "Status", "Score", "When")
NO_MATCH = "No reviews match."
RECENT_PROJECT_REVIEWS = 10


@dataclasses.dataclass
class ProjectReviewRow:
    """One project review as the history lists it."""

    project_id: str
    project: str
    files: int
    status: str
    score: int
    started: str

    @classmethod
    def of(cls, review: ListedProjectReview) -> "ProjectReviewRow":
        """The row of a listed project review."""
        return cls(
            project_id=str(review.project_id),
            project=review.project_name + (" (change)" if review.base_review_id else ""),
            files=review.file_count,
            status=review.status,
            score=review.score if review.score is not None else -1,
            started=shown_time(review.created_at),
        )


class HistoryState(rx.State):
    """The filters, the page shown, and its rows."""

    language: str = ANY
    status: str = ANY
    filename: str = ""
    date_from: str = ""
    date_to: str = ""
    offset: int = 0
    paging: Paging = Paging()
    rows: list[JobRow] = []
    project_rows: list[ProjectReviewRow] = []
    error: str = ""

    @rx.event
    async def load(self) -> None:
        """Read the page of reviews the filters select."""
        self.error = ""
        try:
            user = await (await self.get_state(SessionState))._current_user()
            filters = reviews.ReviewFilters(
                language=None if self.language == ANY else self.language,
                status=None if self.status == ANY else self.status,
                filename=self.filename or None,
                date_from=parse_date_input(self.date_from, "From"),
                date_to=parse_date_input(self.date_to, "To"),
            )
            page = await rx.run_in_thread(
                partial(
                    reviews.list_reviews,
                    user_id=user.id,
                    filters=filters,
                    limit=PAGE_SIZE,
                    offset=self.offset,
                )
            )
        except (ServiceError, InvalidSubmissionError, ValueError) as error:
            self.error, self.rows = str(error), []
            self.paging = Paging(label=NO_MATCH)
            return
        self.paging = Paging.of(page, empty=NO_MATCH)
        self.rows = [JobRow.of(item) for item in page.items]
        recent = partial(
            review_reading.recent_project_reviews, user_id=user.id, limit=RECENT_PROJECT_REVIEWS
        )
        self.project_rows = [ProjectReviewRow.of(item) for item in await rx.run_in_thread(recent)]

    @rx.event
    async def set_filter(self, name: str, value: str):
        """Change one filter and show its first page."""
        if name in ("language", "status", "filename", "date_from", "date_to"):
            setattr(self, name, value[:255])
            self.offset = 0
            await self.load()

    @rx.event
    async def turn_page(self, step: int):
        """Show the next (1) or previous (-1) page."""
        self.offset = max(0, self.offset + step * PAGE_SIZE)
        await self.load()


def _filters() -> rx.Component:
    return rx.flex(
        labeled(
            "Search file names",
            rx.input(
                value=HistoryState.filename,
                on_change=lambda value: HistoryState.set_filter("filename", value),
                placeholder="shop.py",
                aria_label="Search file names",
                debounce_timeout=300,
            ),
        ),
        labeled(
            "Language",
            rx.select(
                [ANY, *SUPPORTED_LANGUAGES],
                value=HistoryState.language,
                on_change=lambda value: HistoryState.set_filter("language", value),
                aria_label="Language",
            ),
        ),
        labeled(
            "Status",
            rx.select(
                STATUSES,
                value=HistoryState.status,
                on_change=lambda value: HistoryState.set_filter("status", value),
                aria_label="Status",
            ),
        ),
        *[
            labeled(
                label,
                rx.input(
                    type="date",
                    value=getattr(HistoryState, name),
                    on_change=lambda value, name=name: HistoryState.set_filter(name, value),
                    aria_label=label,
                ),
            )
            for name, label in (("date_from", "From"), ("date_to", "To"))
        ],
        spacing="3",
        wrap="wrap",
        align="end",
    )


def _row(row: JobRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.link(row.label, href=routes.review_url(row.id))),
        rx.table.cell(row.language),
        rx.table.cell(row.status),
        rx.table.cell(rx.cond(row.score >= 0, row.score.to_string(), "—")),
        rx.table.cell(row.submitted),
        class_name="history-row",
    )


def _project_row(row: ProjectReviewRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.link(row.project, href=routes.project_url(row.project_id))),
        rx.table.cell(row.files),
        rx.table.cell(row.status),
        rx.table.cell(rx.cond(row.score >= 0, row.score.to_string(), "—")),
        rx.table.cell(row.started),
        class_name="project-history-row",
    )


@page(routes.HISTORY, "History", on_load=[HistoryState.load], nav=(3, "History"))
def history_page() -> rx.Component:
    """The signed-in user's reviews."""
    return rx.vstack(
        rx.heading("History", size="6"),
        _filters(),
        messages(HistoryState.error),
        listing_table("Your reviews", COLUMNS, HistoryState.rows, _row),
        pager(HistoryState.paging, HistoryState.turn_page),
        rx.cond(
            HistoryState.project_rows.length() > 0,
            rx.vstack(
                rx.heading("Project reviews", size="4"),
                listing_table(
                    "Your project reviews",
                    PROJECT_COLUMNS,
                    HistoryState.project_rows,
                    _project_row,
                ),
                width="100%",
            ),
        ),
        spacing="4",
        width="100%",
    )
