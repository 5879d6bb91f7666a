"""The admin page's state: what its tabs show, and the actions of its buttons.

The services decide who may act (every admin service refuses a non-admin); this state only
translates their answers and errors. The ids behind the rows stay on the server.
"""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import Any

import reflex as rx

from review_app.components.paging import Paging
from review_app.models import Role
from review_app.pages.admin import rows
from review_app.pages.admin.integrations import ConnectionRow, RunRow
from review_app.pages.admin.rows import (
    AuditRow,
    CacheFigures,
    DependencyRow,
    FailedRow,
    HostRow,
    LimitRow,
    OverrideRow,
    QueueFigures,
    TeamRow,
    UserRow,
    WorkerRow,
)
from review_app.services import audit, rate_limits
from review_app.services.accounts.identity import CurrentUser
from review_app.services.admin import audit_history
from review_app.services.admin import cache as admin_cache
from review_app.services.admin import hosts as admin_hosts
from review_app.services.admin import jobs as admin_jobs
from review_app.services.admin import limits as admin_limits
from review_app.services.admin import teams as admin_teams
from review_app.services.admin import users as admin_users
from review_app.services.errors import AdminOnlyError, ServiceError
from review_app.services.integrations import connections
from review_app.services.paging import DEFAULT_PAGE_SIZE
from review_app.state.session import SessionState, client_ip_of

FORBIDDEN = "403 — Forbidden: this is for administrators."
ALL_ACTIONS = "all actions"
AUDIT_ACTIONS = [ALL_ACTIONS, *audit.AuditAction]
PAGED = ("users", "teams", "failed", "audit")
EVERY_SECTION = (*PAGED, "queue", "hosts", "limits", "overrides", "cache", "integrations")
SCOPES = {"everyone": "Everyone", "team": "A team (name or id)", "user": "A user (email)"}


class AdminState(rx.State):
    """What the admin page shows."""

    error: str = ""
    notice: str = ""
    refreshed_at: str = ""
    user_search: str = ""
    users: list[UserRow] = []
    users_paging: Paging = Paging()
    teams: list[TeamRow] = []
    teams_paging: Paging = Paging()
    queue: QueueFigures = QueueFigures()
    workers: list[WorkerRow] = []
    hosts: list[HostRow] = []
    dependencies: list[DependencyRow] = []
    failed: list[FailedRow] = []
    failed_total: int = 0
    failed_paging: Paging = Paging()
    limits: list[LimitRow] = []
    limits_for: str = ""  # the email whose limits are shown; "": everyone's
    overrides: list[OverrideRow] = []
    cache: CacheFigures = CacheFigures()
    audit_action: str = ALL_ACTIONS
    audit_actor: str = ""
    audit_log: list[AuditRow] = []
    audit_paging: Paging = Paging()
    connections: list[ConnectionRow] = []
    pull_request_runs: list[RunRow] = []

    _user_ids: list[str] = []
    _failed_ids: list[str] = []
    _team_ids: list[str] = []
    _override_ids: list[int] = []
    _offsets: dict[str, int] = {}

    @rx.event
    async def load(self) -> None:
        """On page load and on Refresh: read every section again."""
        self.error = self.notice = ""
        if actor := await self._actor():
            await self._reload(actor, *EVERY_SECTION)

    @rx.event
    async def search_users(self, text: str) -> None:
        """List the users whose email contains `text`, from the first page."""
        self.user_search = text[:255]
        await self._reload_from_start("users")

    @rx.event
    async def set_audit_filter(self, name: str, value: str) -> None:
        """Show one action only, and/or actors whose email contains a text."""
        if name in ("audit_action", "audit_actor"):
            setattr(self, name, value[:255])
            await self._reload_from_start("audit")

    @rx.event
    async def turn_page(self, section: str, step: int) -> None:
        """Show the next (1) or previous (-1) page of users, failed jobs or the audit log."""
        if section in PAGED and (actor := await self._actor()):
            offset = max(0, self._offsets.get(section, 0) + step * DEFAULT_PAGE_SIZE)
            self._offsets = {**self._offsets, section: offset}
            await self._reload(actor, section)

    @rx.event
    async def set_disabled(self, index: int, disabled: bool) -> None:
        """Disable a user (every login ends at once) or enable them again."""
        await self._change_user(index, partial(admin_users.set_disabled, disabled=disabled))

    @rx.event
    async def set_admin(self, index: int, admin: bool) -> None:
        """Promote a user to admin, or demote them to user."""
        role = Role.ADMIN if admin else Role.USER
        await self._change_user(index, partial(admin_users.set_role, role=role))

    @rx.event
    async def require_sso(self, index: int, required: bool) -> None:
        """Require single sign-on of a team's members (their logins end), or stop."""
        actor = await self._actor()
        team_id = _id_at(self._team_ids, index)
        if actor is None or team_id is None:
            return
        change = partial(
            admin_teams.require_sso, actor=actor, team_id=team_id, required=required, ip=self._ip()
        )
        if await self._call(change) is not None:
            name = self.teams[index].name
            self.notice = f"{name} {'requires' if required else 'no longer requires'} SSO."
            await self._reload(actor, "teams", "audit")

    @rx.event
    async def rerun(self, index: int) -> None:
        """Queue a failed review again."""
        actor = await self._actor()
        review_id = _id_at(self._failed_ids, index)
        if actor is None or review_id is None:
            return
        call = partial(admin_jobs.rerun_review, actor=actor, review_id=review_id, ip=self._ip())
        if outcome := await self._call(call):
            self.notice = "Queued again." if outcome.requeued else "It was no longer failed."
            await self._reload(actor, "failed", "queue", "audit")

    @rx.event
    async def purge_cache(self) -> None:
        """Delete every cached result (after the confirmation dialog)."""
        actor = await self._actor()
        if actor is None:
            return
        if purged := await self._call(partial(admin_cache.purge_cache, actor=actor, ip=self._ip())):
            self.notice = f"Cache purged: {purged.entries} stored, {purged.hot_entries} hot."
            await self._reload(actor, "cache", "audit")

    @rx.event
    async def show_limits_for(self, form: dict) -> None:
        """Show the limits in force for the user of an email (none: for everyone)."""
        self.limits_for = str(form.get("email", "")).strip()[:320]
        if actor := await self._actor():
            await self._reload(actor, "limits")

    @rx.event
    async def set_limit(self, form: dict) -> None:
        """Set a rule's rate for everyone, a team or a user, from the form."""
        actor = await self._actor()
        scope, subject = str(form.get("scope", "everyone")), str(form.get("subject", "")).strip()
        try:
            rule = rate_limits.Rule(str(form.get("rule", "")))
        except ValueError:
            self.error, self.notice = "Choose a rule.", ""
            return
        if actor is None or (scope != "everyone" and not subject):
            self.error = "" if actor is None else "Name the team or the user."
            return
        call = partial(
            admin_limits.set_override,
            actor=actor,
            rule=rule,
            rate=str(form.get("rate", "")),
            user_email=subject if scope == "user" else None,
            team=subject if scope == "team" else None,
            ip=self._ip(),
        )
        if view := await self._call(call):
            self.notice = f"{view.rule.value} is now {view.rate} for {view.applies_to}."
            await self._reload(actor, "limits", "overrides", "audit")

    @rx.event
    async def remove_limit(self, index: int) -> None:
        """Remove a rate an administrator set."""
        actor = await self._actor()
        if actor is None or not 0 <= index < len(self._override_ids):
            return
        call = partial(
            admin_limits.remove_override,
            actor=actor,
            override_id=self._override_ids[index],
            ip=self._ip(),
        )
        if await self._call(call) is None and not self.error:
            self.notice = "Removed: the next source of that rate holds again."
            await self._reload(actor, "limits", "overrides", "audit")

    async def _actor(self) -> CurrentUser | None:
        """The signed-in user; None (every section emptied, and why) when signed out."""
        try:
            return await (await self.get_state(SessionState))._current_user()
        except ServiceError as error:
            self._refuse(str(error))
            return None

    def _refuse(self, reason: str) -> None:
        self.reset()
        self.error = reason

    def _ip(self) -> str:
        return client_ip_of(self.router)

    async def _call(self, call: Callable[[], Any]) -> Any:
        """Run a blocking service call; None (and the reason shown) when it fails."""
        self.error = self.notice = ""
        try:
            return await rx.run_in_thread(call)
        except AdminOnlyError:
            self._refuse(FORBIDDEN)
        except ServiceError as error:
            self.error = str(error)
        return None

    async def _change_user(
        self, index: int, change: Callable[..., admin_users.ManagedUser]
    ) -> None:
        actor = await self._actor()
        user_id = _id_at(self._user_ids, index)
        if actor is None or user_id is None:
            return
        if changed := await self._call(
            partial(change, actor=actor, user_id=user_id, ip=self._ip())
        ):
            state = "disabled" if changed.disabled else f"an active {changed.role}"
            self.notice = f"{changed.email} is now {state}."
            await self._reload(actor, "users", "audit")

    async def _reload_from_start(self, section: str) -> None:
        if actor := await self._actor():
            self._offsets = {**self._offsets, section: 0}
            await self._reload(actor, section)

    async def _reload(self, actor: CurrentUser, *sections: str) -> None:
        """Read the sections again from the services and show what they answer."""
        table = self._sections(actor)
        for section in sections:
            read, show = table[section]
            try:
                answer = await rx.run_in_thread(read)
            except AdminOnlyError:
                self._refuse(FORBIDDEN)
                return
            except ServiceError as error:
                self.error = str(error)
                continue
            show(answer)
        self.refreshed_at = f"Updated {rows.when(datetime.now(UTC))}"

    def _sections(self, actor: CurrentUser) -> dict[str, tuple[Callable[[], Any], Callable]]:
        """Each tab: how to read it from the services, and how to show the answer."""
        offset = self._offsets
        action = None if self.audit_action == ALL_ACTIONS else self.audit_action
        return {
            "users": (
                partial(
                    admin_users.search_users,
                    actor=actor,
                    query=self.user_search,
                    offset=offset.get("users", 0),
                ),
                partial(self._show_users, actor=actor),
            ),
            "teams": (
                partial(admin_teams.list_all_teams, actor=actor, offset=offset.get("teams", 0)),
                self._show_teams,
            ),
            "failed": (
                partial(admin_jobs.failed_jobs, actor=actor, offset=offset.get("failed", 0)),
                self._show_failed,
            ),
            "audit": (
                partial(
                    audit_history.list_events,
                    actor=actor,
                    action=action,
                    actor_email=self.audit_actor,
                    offset=offset.get("audit", 0),
                ),
                self._show_audit,
            ),
            "queue": (partial(admin_jobs.queue_health, actor=actor), self._show_queue),
            "hosts": (partial(admin_hosts.host_health, actor=actor), self._show_hosts),
            "limits": (
                partial(admin_limits.limits_in_force, actor=actor, email=self.limits_for or None),
                self._show_limits,
            ),
            "overrides": (partial(admin_limits.list_overrides, actor=actor), self._show_overrides),
            "cache": (partial(admin_cache.cache_stats, actor=actor), self._show_cache),
            "integrations": (partial(_integrations, actor), self._show_integrations),
        }

    def _show_users(self, page: admin_users.UserPage, actor: CurrentUser) -> None:
        self.users, self._user_ids = rows.user_rows(page, actor)
        self.users_paging = Paging.of(page)

    def _show_teams(self, page: admin_teams.AdminTeamPage) -> None:
        self.teams, self._team_ids = rows.team_rows(page)
        self.teams_paging = Paging.of(page)

    def _show_failed(self, page: admin_jobs.FailedJobPage) -> None:
        self.failed, self._failed_ids = rows.failed_rows(page)
        self.failed_total = page.total
        self.failed_paging = Paging.of(page)

    def _show_audit(self, page: audit_history.AuditPage) -> None:
        self.audit_log = rows.audit_rows(page)
        self.audit_paging = Paging.of(page)

    def _show_queue(self, health: admin_jobs.QueueHealth) -> None:
        self.queue, self.workers = rows.queue_figures(health)

    def _show_hosts(self, health: admin_hosts.HostHealth) -> None:
        self.hosts, self.dependencies = rows.host_rows(health)

    def _show_limits(self, rules: list) -> None:
        self.limits = rows.limit_rows(rules)

    def _show_overrides(self, overrides: list) -> None:
        self.overrides, self._override_ids = rows.override_rows(overrides)

    def _show_cache(self, figures: admin_cache.CacheStats) -> None:
        self.cache = rows.cache_figures(figures)

    def _show_integrations(self, answer: tuple[list, list]) -> None:
        views, runs = answer
        self.connections = [ConnectionRow.of(view) for view in views]
        self.pull_request_runs = [RunRow.of(run) for run in runs]


def _integrations(actor: CurrentUser) -> tuple[list, list]:
    return (
        connections.list_connections(actor=actor),
        connections.recent_runs(actor=actor),
    )


def _id_at(ids: list[str], index: int) -> uuid.UUID | None:
    """The id behind row `index`, or None for an index no row has."""
    return uuid.UUID(ids[index]) if 0 <= index < len(ids) else None
