"""The dashboard's filters and what its charts draw: the user's own reviews, a team's projects'
reviews (any member), or, for an admin, everyone's or one user's."""

import dataclasses
import uuid
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

import reflex as rx

from review_app.services import stats
from review_app.services.accounts.identity import CurrentUser
from review_app.services.admin import users as admin_users
from review_app.services.errors import ServiceError
from review_app.services.teams import membership
from review_app.state.date_input import parse_date_input
from review_app.state.session import SessionState

ANY = "any"
ALL_USERS = "All users"
YOURS = "Yours"  # the workspace choice of the user's own reviews (an admin's: any user's)
TEAM = "Team: "  # a team's choice starts so
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
    workspace_choices: list[str] = [YOURS]
    workspace_choice: str = YOURS
    scope_label: str = ""
    headline: Headline = Headline()
    per_day: Rows = []
    per_language: Rows = []
    by_severity: Rows = []
    by_category: Rows = []
    top_rules: list[RuleRow] = []
    error: str = ""

    _user_ids: dict[str, str] = {}  # email -> id of the users the admin can pick
    _team_ids: dict[str, str] = {}  # workspace choice -> id of the user's teams

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
        if user is not None:
            await self._find_teams(user)
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

    @rx.event
    async def pick_workspace(self, choice: str) -> None:
        """Show the user's own numbers, or one of their teams' projects'."""
        self.workspace_choice = choice if choice in self._team_ids else YOURS
        await self._refresh(await self._user())

    async def _find_teams(self, user: CurrentUser) -> None:
        try:
            teams = await rx.run_in_thread(partial(membership.list_teams, actor=user))
        except ServiceError as error:
            self.error = str(error)
            return
        self._team_ids = {}
        for team in teams:  # two teams of one name: the later one is told apart by its id
            label = f"{TEAM}{team.name}"
            self._team_ids[label if label not in self._team_ids else f"{label} ({team.id})"] = str(
                team.id
            )
        self.workspace_choices = [YOURS, *self._team_ids]
        if self.workspace_choice not in self._team_ids:
            self.workspace_choice = YOURS

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
        if self.workspace_choice in self._team_ids:
            return f"Reviews of the projects of {self.workspace_choice.removeprefix(TEAM)}"
        if scope is None:
            return "Every user's reviews"
        return "Your reviews" if scope == user.id else f"Reviews of {self.user_choice}"

    async def _refresh(self, user: CurrentUser | None) -> None:
        """Count the reviews the filters select, or say why not."""
        self._show(None)
        if user is None:
            return
        chosen = self._user_ids.get(self.user_choice)
        team = self._team_ids.get(self.workspace_choice)
        try:
            query = partial(
                stats.review_stats,
                actor=user,
                user_id=uuid.UUID(chosen) if chosen else None,
                date_from=parse_date_input(self.date_from, "From"),
                date_to=parse_date_input(self.date_to, "To"),
                language=None if self.language == ANY else self.language,
                team_id=uuid.UUID(team) if team else None,
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
