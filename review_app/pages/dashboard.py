"""/dashboard: trends of the user's reviews (an admin's: everyone's, or one user's) in charts."""

import dataclasses
import uuid
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

import reflex as rx

from review_app import routes
from review_app.components.charts import SCORE_RANGE, chart_card, series_chart
from review_app.components.findings_table import SEVERITY_COLORS
from review_app.components.labeled import labeled
from review_app.components.messages import messages
from review_app.components.page import page
from review_app.components.stat_card import stat_card, stat_row
from review_app.review.languages import SUPPORTED_LANGUAGES
from review_app.review.models import Severity
from review_app.services import stats
from review_app.services.accounts.identity import CurrentUser
from review_app.services.admin import users as admin_users
from review_app.services.errors import ServiceError
from review_app.state.date_input import parse_date_input
from review_app.state.session import SessionState

ANY = "any"
ALL_USERS = "All users"
USER_CHOICES = 20  # emails offered at once in the admin's user filter
Rows = list[dict[str, Any]]


@dataclasses.dataclass
class Headline:
    """The headline figures, formatted for the stat cards."""

    reviews: str = "0"
    completed: str = "0"
    failed: str = "0"
    average_score: str = "—"
    cache_hit_rate: str = "—"
    llm_tokens: str = "0"
    projects: str = "0"

    @classmethod
    def of(cls, numbers: stats.ReviewStats) -> "Headline":
        """The figures of one statistics answer."""
        rate = numbers.cache_hit_rate
        return cls(
            reviews=f"{numbers.reviews:,}",
            completed=f"{numbers.completed:,}",
            failed=f"{numbers.failed:,}",
            average_score="—" if numbers.average_score is None else f"{numbers.average_score:g}",
            cache_hit_rate="—" if rate is None else f"{rate * 100:.0f}%",
            llm_tokens=f"{numbers.llm_tokens:,}",
            projects=f"{numbers.project_reviews:,} ({numbers.project_files:,} files)",
        )


@dataclasses.dataclass
class RuleRow:
    """One of the most common issues."""

    rule: str
    title: str
    count: int


class DashboardState(rx.State):
    """The filters and what the charts draw; a non-admin only ever sees their own reviews."""

    date_from: str = ""
    date_to: str = ""
    language: str = ANY
    user_search: str = ""
    user_choices: list[str] = [ALL_USERS]
    user_choice: str = ALL_USERS
    scope_label: str = ""
    headline: Headline = Headline()
    per_day: Rows = []
    per_language: Rows = []
    by_severity: Rows = []
    by_category: Rows = []
    top_rules: list[RuleRow] = []
    error: str = ""

    _user_ids: dict[str, str] = {}  # email -> id of the users the admin can pick

    @rx.event
    async def load(self) -> None:
        """On page load: the last 30 days unless a range is chosen, and the admin's user list."""
        if not self.date_to:
            today = datetime.now(UTC).date()
            self.date_to = today.isoformat()
            self.date_from = (today - timedelta(days=stats.DEFAULT_SPAN_DAYS - 1)).isoformat()
        user = await self._user()
        if user is not None and user.is_admin:
            await self._find_users(user)
        await self._refresh(user)

    @rx.event
    async def set_filter(self, name: str, value: str) -> None:
        """Change the date range or the language, and count again."""
        if name in ("date_from", "date_to", "language"):
            setattr(self, name, value[:64])
            await self._refresh(await self._user())

    @rx.event
    async def search_users(self, text: str) -> None:
        """Admins: offer the users whose email contains `text`."""
        self.user_search = text[:255]
        user = await self._user()
        if user is not None and user.is_admin:
            await self._find_users(user)

    @rx.event
    async def pick_user(self, email: str) -> None:
        """Admins: show one user's numbers, or everyone's."""
        self.user_choice = email if email in self._user_ids else ALL_USERS
        await self._refresh(await self._user())

    async def _user(self) -> CurrentUser | None:
        """The signed-in user, checked again; None (and the reason shown) when signed out."""
        try:
            return await (await self.get_state(SessionState))._current_user()
        except ServiceError as error:
            self.error = str(error)
            return None

    async def _find_users(self, user: CurrentUser) -> None:
        if not user.is_admin:
            return
        search = partial(
            admin_users.search_users, actor=user, query=self.user_search, limit=USER_CHOICES
        )
        try:
            page = await rx.run_in_thread(search)
        except ServiceError as error:
            self.error = str(error)
            return
        found = {item.email: str(item.id) for item in page.items}
        if self.user_choice in self._user_ids:  # keep the one picked, even if no longer matched
            found.setdefault(self.user_choice, self._user_ids[self.user_choice])
        self._user_ids = found
        self.user_choices = [ALL_USERS, *sorted(found)]

    def _scope_label(self, scope: uuid.UUID | None, user: CurrentUser) -> str:
        """Whose reviews the service counted, in words."""
        if scope is None:
            return "Every user's reviews"
        return "Your reviews" if scope == user.id else f"Reviews of {self.user_choice}"

    async def _refresh(self, user: CurrentUser | None) -> None:
        """Count the reviews the filters select, or say why not."""
        self._show(None)
        if user is None:
            return
        chosen = self._user_ids.get(self.user_choice)
        try:
            query = partial(
                stats.review_stats,
                actor=user,
                user_id=uuid.UUID(chosen) if chosen else None,
                date_from=parse_date_input(self.date_from, "From"),
                date_to=parse_date_input(self.date_to, "To"),
                language=None if self.language == ANY else self.language,
            )
            numbers = await rx.run_in_thread(query)
        except (ServiceError, ValueError) as error:
            self.error = str(error)
            return
        self.error = ""
        self.scope_label = self._scope_label(numbers.user_id, user)
        self._show(numbers)

    def _show(self, numbers: stats.ReviewStats | None) -> None:
        """Fill the cards and charts, or empty them."""
        if numbers is None:
            self.headline, self.top_rules = Headline(), []
            self.per_day, self.per_language, self.by_severity, self.by_category = [], [], [], []
            return
        self.headline = Headline.of(numbers)
        self.per_day = [
            {
                "day": f"{item.day:%b} {item.day.day}",
                "reviews": item.reviews,
                "score": item.average_score,
            }
            for item in numbers.per_day
        ]
        self.per_language = [
            {"language": item.language, "score": item.average_score, "reviews": item.reviews}
            for item in numbers.per_language
        ]
        self.by_severity = [
            {"name": i.name, "count": i.count} for i in numbers.findings_by_severity
        ]
        self.by_category = [
            {"name": i.name, "count": i.count} for i in numbers.findings_by_category
        ]
        self.top_rules = [RuleRow(i.rule, i.title, i.count) for i in numbers.top_rules]


def _user_filter() -> rx.Component:
    """Admins only: narrow the user list by email, then pick one (or all)."""
    return rx.fragment(
        labeled(
            "Find a user",
            rx.input(
                value=DashboardState.user_search,
                on_change=DashboardState.search_users,
                placeholder="email contains…",
                debounce_timeout=300,
            ),
        ),
        labeled(
            "User",
            rx.select(
                DashboardState.user_choices,
                value=DashboardState.user_choice,
                on_change=DashboardState.pick_user,
                aria_label="User",
            ),
        ),
    )


def _filters() -> rx.Component:
    return rx.flex(
        *[
            labeled(
                label,
                rx.input(
                    type="date",
                    value=getattr(DashboardState, name),
                    on_change=lambda value, name=name: DashboardState.set_filter(name, value),
                ),
            )
            for name, label in (("date_from", "From"), ("date_to", "To"))
        ],
        labeled(
            "Language",
            rx.select(
                [ANY, *SUPPORTED_LANGUAGES],
                value=DashboardState.language,
                on_change=lambda value: DashboardState.set_filter("language", value),
                aria_label="Language",
            ),
        ),
        rx.cond(SessionState.is_admin, _user_filter()),
        spacing="3",
        wrap="wrap",
        align="end",
    )


def _charts() -> rx.Component:
    recharts, accent = rx.recharts, rx.color("accent", 9)
    severity_cells = [recharts.cell(fill=rx.color(SEVERITY_COLORS[s], 9)) for s in Severity]
    per_day = DashboardState.per_day
    return rx.grid(
        chart_card(
            "Reviews per day",
            series_chart(
                recharts.area_chart,
                recharts.area,
                per_day,
                ("day", "reviews"),
                "Reviews",
                type_="linear",
                stroke=accent,
                fill=rx.color("accent", 5),
            ),
        ),
        chart_card(
            "Average score per day",
            series_chart(
                recharts.line_chart,
                recharts.line,
                per_day,
                ("day", "score"),
                "Average score",
                y_domain=SCORE_RANGE,
                type_="linear",
                stroke=accent,
                connect_nulls=True,
            ),
        ),
        chart_card(
            "Average score per language",
            series_chart(
                recharts.bar_chart,
                recharts.bar,
                DashboardState.per_language,
                ("language", "score"),
                "Average score",
                y_domain=SCORE_RANGE,
                fill=accent,
            ),
        ),
        chart_card(
            "Findings by severity",
            series_chart(
                recharts.bar_chart,
                recharts.bar,
                DashboardState.by_severity,
                ("name", "count"),
                "Findings",
                *severity_cells,
            ),
        ),
        chart_card(
            "Findings by category",
            series_chart(
                recharts.bar_chart,
                recharts.bar,
                DashboardState.by_category,
                ("name", "count"),
                "Findings",
                every_label=True,
                fill=accent,
            ),
        ),
        chart_card("Most common issues", _top_rules()),
        columns=rx.breakpoints(initial="1", md="2"),
        spacing="4",
        width="100%",
    )


def _rule_row(row: RuleRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.code(row.rule)),
        rx.table.cell(row.title),
        rx.table.cell(row.count, text_align="right"),
    )


def _top_rules() -> rx.Component:
    return rx.cond(
        DashboardState.top_rules.length() > 0,
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    rx.table.column_header_cell("Rule"),
                    rx.table.column_header_cell("Issue"),
                    rx.table.column_header_cell("Findings", text_align="right"),
                )
            ),
            rx.table.body(rx.foreach(DashboardState.top_rules, _rule_row)),
            size="1",
        ),
        rx.text("No findings in this range.", color_scheme="gray", size="2"),
    )


def _headline() -> rx.Component:
    figures = DashboardState.headline
    return stat_row(
        stat_card("Reviews", figures.reviews),
        stat_card("Project reviews", figures.projects),
        stat_card("Completed", figures.completed),
        stat_card("Failed", figures.failed),
        stat_card("Average score", figures.average_score),
        stat_card("Cache hit rate", figures.cache_hit_rate),
        stat_card("LLM tokens", figures.llm_tokens),
    )


@page(routes.DASHBOARD, "Dashboard", on_load=[DashboardState.load], nav=(4, "Dashboard"))
def dashboard_page() -> rx.Component:
    """The signed-in user's analytics (an admin's: every user's, or one user's)."""
    return rx.vstack(
        rx.heading("Dashboard", size="6"),
        _filters(),
        messages(DashboardState.error),
        rx.text(DashboardState.scope_label, size="2", color_scheme="gray", aria_label="Scope"),
        _headline(),
        _charts(),
        spacing="4",
        width="100%",
    )
