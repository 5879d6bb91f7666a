"""/admin: users, the queue, failed jobs, rate limits, the cache and the audit log.

For admins only; everyone else sees a plain 403 page. Every handler checks again that the
signed-in user is an admin: any of them can be called by a hand-made websocket message.
"""

import dataclasses
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import Any

import reflex as rx

from review_app import routes
from review_app.components.labeled import labeled
from review_app.components.layout import protected
from review_app.components.messages import messages
from review_app.components.paging import Paging, pager
from review_app.components.stat_card import stat_card, stat_row
from review_app.models import Role
from review_app.services import admin_cache, admin_jobs, admin_users, audit, rate_limits
from review_app.services.auth import CurrentUser
from review_app.services.errors import ServiceError
from review_app.services.paging import DEFAULT_PAGE_SIZE
from review_app.state.session import SessionState, client_ip_of

FORBIDDEN = "403 — Forbidden: this is for administrators."
ALL_ACTIONS = "all actions"
AUDIT_ACTIONS = [
    ALL_ACTIONS,
    *audit.SIGN_IN_ACTIONS,
    admin_users.USER_DISABLE,
    admin_users.USER_ENABLE,
    admin_users.USER_PROMOTE,
    admin_users.USER_DEMOTE,
    admin_jobs.REVIEW_RERUN,
    admin_cache.CACHE_PURGE,
]
PAGED = ("users", "failed", "audit")
VISUALLY_HIDDEN = {
    "position": "absolute",
    "width": "1px",
    "height": "1px",
    "overflow": "hidden",
    "clip": "rect(0 0 0 0)",
    "white_space": "nowrap",
}


def _when(moment: datetime | None) -> str:
    return "—" if moment is None else f"{moment.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC"


def _seen(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "—"
    return f"{_when(moment)} ({max(0, int((now - moment).total_seconds()))} s ago)"


def _count(value: int | None, missing: str = "—", thousands: str = ",") -> str:
    return missing if value is None else f"{value:{thousands}}"


@dataclasses.dataclass
class UserRow:
    """A user as the table lists them."""

    email: str
    role: str
    disabled: bool
    reviews: int
    joined: str
    is_you: bool


@dataclasses.dataclass
class WorkerRow:
    """A live worker and when its heartbeat was last seen."""

    hostname: str
    pid: str
    concurrency: str
    started: str
    seen: str


@dataclasses.dataclass
class FailedRow:
    """A failed review, whose it is and why it failed."""

    label: str
    email: str
    error: str
    attempts: int
    failed_at: str


@dataclasses.dataclass
class LimitRow:
    """A rate limit in force."""

    rule: str
    rate: str
    counted_per: str


@dataclasses.dataclass
class AuditRow:
    """One line of the audit log."""

    when: str
    who: str
    action: str
    target: str
    ip: str
    detail: str


@dataclasses.dataclass
class QueueFigures:
    """The queue's health, formatted for the stat cards."""

    depth: str = "—"
    pending: str = "—"
    running: str = "—"
    completed: str = "—"
    failed: str = "—"
    redis_ok: bool = True


@dataclasses.dataclass
class CacheFigures:
    """The result cache's size, formatted for the stat cards."""

    stored: str = "—"
    hits: str = "—"
    hot: str = "—"


class AdminState(rx.State):
    """What the admin page shows; the ids behind its rows stay on the server."""

    error: str = ""
    notice: str = ""
    refreshed_at: str = ""
    user_search: str = ""
    users: list[UserRow] = []
    users_paging: Paging = Paging()
    queue: QueueFigures = QueueFigures()
    workers: list[WorkerRow] = []
    failed: list[FailedRow] = []
    failed_total: int = 0
    failed_paging: Paging = Paging()
    limits: list[LimitRow] = []
    cache: CacheFigures = CacheFigures()
    audit_action: str = ALL_ACTIONS
    audit_actor: str = ""
    audit_log: list[AuditRow] = []
    audit_paging: Paging = Paging()

    _user_ids: list[str] = []
    _failed_ids: list[str] = []
    _offsets: dict[str, int] = {}

    @rx.event
    async def load(self) -> None:
        """On page load and on Refresh: read every section again."""
        self.error = self.notice = ""
        if admin := await self._admin():
            await self._reload(admin, *PAGED, "queue", "limits", "cache")

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
        if section in PAGED and (admin := await self._admin()):
            offset = max(0, self._offsets.get(section, 0) + step * DEFAULT_PAGE_SIZE)
            self._offsets = {**self._offsets, section: offset}
            await self._reload(admin, section)

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
    async def rerun(self, index: int) -> None:
        """Queue a failed review again."""
        admin = await self._admin()
        review_id = _id_at(self._failed_ids, index)
        if admin is None or review_id is None:
            return
        call = partial(admin_jobs.rerun_review, actor=admin, review_id=review_id, ip=self._ip())
        if outcome := await self._call(call):
            self.notice = "Queued again." if outcome.requeued else "It was no longer failed."
            await self._reload(admin, "failed", "queue", "audit")

    @rx.event
    async def purge_cache(self) -> None:
        """Delete every cached result (after the confirmation dialog)."""
        admin = await self._admin()
        if admin is None:
            return
        if purged := await self._call(partial(admin_cache.purge_cache, actor=admin, ip=self._ip())):
            self.notice = f"Cache purged: {purged.entries} stored, {purged.hot_entries} hot."
            await self._reload(admin, "cache", "audit")

    async def _admin(self) -> CurrentUser | None:
        """The signed-in user if an admin; otherwise None, every section emptied, and why."""
        try:
            user = await (await self.get_state(SessionState))._current_user()
        except ServiceError as error:
            user, reason = None, str(error)
        else:
            reason = FORBIDDEN
        if user is not None and user.is_admin:
            return user
        self.reset()
        self.error = reason
        return None

    def _ip(self) -> str:
        return client_ip_of(self.router)

    async def _call(self, call: Callable[[], Any]) -> Any:
        """Run a blocking service call; None (and the reason shown) when it fails."""
        self.error = self.notice = ""
        try:
            return await rx.run_in_thread(call)
        except ServiceError as error:
            self.error = str(error)
            return None

    async def _change_user(
        self, index: int, change: Callable[..., admin_users.ManagedUser]
    ) -> None:
        admin = await self._admin()
        user_id = _id_at(self._user_ids, index)
        if admin is None or user_id is None:
            return
        if changed := await self._call(
            partial(change, actor=admin, user_id=user_id, ip=self._ip())
        ):
            state = "disabled" if changed.disabled else f"an active {changed.role}"
            self.notice = f"{changed.email} is now {state}."
            await self._reload(admin, "users", "audit")

    async def _reload_from_start(self, section: str) -> None:
        if admin := await self._admin():
            self._offsets = {**self._offsets, section: 0}
            await self._reload(admin, section)

    async def _reload(self, admin: CurrentUser, *sections: str) -> None:
        """Read the sections again from the services (the caller checked `admin`)."""
        offset = self._offsets
        readers = {
            "users": partial(
                admin_users.search_users, query=self.user_search, offset=offset.get("users", 0)
            ),
            "failed": partial(admin_jobs.failed_jobs, offset=offset.get("failed", 0)),
            "audit": partial(
                audit.list_events,
                action=None if self.audit_action == ALL_ACTIONS else self.audit_action,
                actor=self.audit_actor,
                offset=offset.get("audit", 0),
            ),
            "queue": admin_jobs.queue_health,
            "limits": rate_limits.rules_in_force,
            "cache": admin_cache.cache_stats,
        }
        for section in sections:
            try:
                answer = await rx.run_in_thread(readers[section])
            except ServiceError as error:
                self.error = str(error)
                continue
            getattr(self, f"_show_{section}")(answer, admin)
        self.refreshed_at = f"Updated {_when(datetime.now(UTC))}"

    def _show_users(self, page: admin_users.UserPage, admin: CurrentUser) -> None:
        self._user_ids = [str(item.id) for item in page.items]
        self.users = [
            UserRow(
                email=item.email,
                role=item.role,
                disabled=item.disabled,
                reviews=item.reviews,
                joined=f"{item.created_at:%Y-%m-%d}",
                is_you=item.id == admin.id,
            )
            for item in page.items
        ]
        self.users_paging = Paging.of(page)

    def _show_failed(self, page: admin_jobs.FailedJobPage, _admin: CurrentUser) -> None:
        self._failed_ids = [str(item.id) for item in page.items]
        self.failed = [
            FailedRow(
                label=item.filename or f"untitled {item.language}",
                email=item.user_email,
                error=item.error or "(no error recorded)",
                attempts=item.attempts,
                failed_at=_when(item.finished_at),
            )
            for item in page.items
        ]
        self.failed_total = page.total
        self.failed_paging = Paging.of(page)

    def _show_audit(self, page: audit.AuditPage, _admin: CurrentUser) -> None:
        self.audit_log = [
            AuditRow(
                when=_when(item.created_at),
                who=item.actor_email or "—",
                action=item.action,
                target=item.target or "",
                ip=item.ip or "",
                detail=item.detail or "",
            )
            for item in page.items
        ]
        self.audit_paging = Paging.of(page)

    def _show_queue(self, health: admin_jobs.QueueHealth, _admin: CurrentUser) -> None:
        self.queue = QueueFigures(
            depth=_count(health.queue_depth, "Redis down"),
            pending=_count(health.pending),
            running=_count(health.running),
            completed=_count(health.completed),
            failed=_count(health.failed),
            redis_ok=health.redis_ok,
        )
        now = datetime.now(UTC)
        self.workers = [
            WorkerRow(
                hostname=worker.hostname,
                pid=_count(worker.pid, thousands=""),
                concurrency=_count(worker.concurrency),
                started=_when(worker.started_at),
                seen=_seen(worker.seen_at, now),
            )
            for worker in health.workers
        ]

    def _show_limits(self, rules: list[rate_limits.RuleInForce], _admin: CurrentUser) -> None:
        self.limits = [LimitRow(rule.rule, rule.rate, rule.counted_per) for rule in rules]

    def _show_cache(self, figures: admin_cache.CacheStats, _admin: CurrentUser) -> None:
        self.cache = CacheFigures(
            stored=_count(figures.entries),
            hits=_count(figures.hits),
            hot=_count(figures.hot_entries, "Redis down"),
        )


def _id_at(ids: list[str], index: int) -> uuid.UUID | None:
    """The id behind row `index`, or None for an index no row has."""
    return uuid.UUID(ids[index]) if 0 <= index < len(ids) else None


def forbidden() -> rx.Component:
    """What a signed-in non-admin sees."""
    return rx.center(
        rx.vstack(
            rx.heading("403 — Forbidden", size="7"),
            rx.text("This page is for administrators."),
            rx.link("Back to the editor", href=routes.EDITOR),
            align="center",
        ),
        padding="4em",
    )


def _table(label: str, headers: list[str], body: rx.Component) -> rx.Component:
    """A table named by `label` (a caption only screen readers read: the tab says it already)."""
    return rx.table.root(
        rx.el.caption(label, style=VISUALLY_HIDDEN),
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in headers])),
        rx.table.body(body),
        size="1",
        width="100%",
    )


def _paged(
    section: str, table: rx.Component, paging: Paging, *filters: rx.Component
) -> rx.Component:
    """A paged list: its filters, the table, and Previous/Next under it."""
    return rx.vstack(
        *filters,
        table,
        pager(paging, partial(AdminState.turn_page, section)),
        spacing="3",
        width="100%",
    )


def _row_button(label: str, email: rx.Var[str], event: rx.event.EventSpec, **props) -> rx.Component:
    return rx.button(
        label, on_click=event, size="1", variant="soft", aria_label=f"{label} {email}", **props
    )


def _user_row(row: UserRow, index: int) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row.email, rx.cond(row.is_you, rx.badge("you", margin_left="0.5em"))),
        rx.table.cell(
            rx.badge(row.role, color_scheme=rx.cond(row.role == "admin", "purple", "gray"))
        ),
        rx.table.cell(rx.cond(row.disabled, rx.badge("disabled", color_scheme="red"), "active")),
        rx.table.cell(row.reviews),
        rx.table.cell(row.joined),
        rx.table.cell(
            rx.hstack(
                rx.cond(
                    row.disabled,
                    _row_button("Enable", row.email, AdminState.set_disabled(index, False)),
                    _row_button(
                        "Disable",
                        row.email,
                        AdminState.set_disabled(index, True),
                        color_scheme="red",
                    ),
                ),
                rx.cond(
                    row.role == "admin",
                    _row_button("Demote", row.email, AdminState.set_admin(index, False)),
                    _row_button("Promote", row.email, AdminState.set_admin(index, True)),
                ),
            )
        ),
        class_name="user-row",
    )


def _users() -> rx.Component:
    return _paged(
        "users",
        _table(
            "Users",
            ["Email", "Role", "Status", "Reviews", "Joined", "Actions"],
            rx.foreach(AdminState.users, _user_row),
        ),
        AdminState.users_paging,
        labeled(
            "Search users",
            rx.input(
                value=AdminState.user_search,
                on_change=AdminState.search_users,
                placeholder="email contains…",
                debounce_timeout=300,
                width="20em",
            ),
        ),
    )


def _worker_row(row: WorkerRow) -> rx.Component:
    return rx.table.row(
        *[
            rx.table.cell(value)
            for value in (row.hostname, row.pid, row.concurrency, row.started, row.seen)
        ]
    )


def _queue() -> rx.Component:
    figures = AdminState.queue
    return rx.vstack(
        stat_row(
            stat_card("Queue depth", figures.depth),
            stat_card("Pending", figures.pending),
            stat_card("Running", figures.running),
            stat_card("Completed", figures.completed),
            stat_card("Failed", figures.failed),
            stat_card("Live workers", AdminState.workers.length().to_string()),
        ),
        rx.heading("Live workers", size="3", as_="h2"),
        rx.cond(
            AdminState.workers.length() > 0,
            _table(
                "Live workers",
                ["Host", "PID", "Concurrency", "Started", "Last heartbeat"],
                rx.foreach(AdminState.workers, _worker_row),
            ),
            rx.callout(
                "No worker has sent a heartbeat lately: reviews wait in the queue.",
                icon="triangle_alert",
                color_scheme="amber",
            ),
        ),
        spacing="3",
        width="100%",
    )


def _failed_row(row: FailedRow, index: int) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row.failed_at),
        rx.table.cell(row.email),
        rx.table.cell(row.label),
        rx.table.cell(row.attempts),
        rx.table.cell(rx.text(row.error, color_scheme="red", size="2")),
        rx.table.cell(_row_button("Re-run", row.label, AdminState.rerun(index))),
        class_name="failed-row",
    )


def _failed() -> rx.Component:
    return _paged(
        "failed",
        _table(
            "Failed jobs",
            ["Failed", "User", "File", "Attempts", "Error", ""],
            rx.foreach(AdminState.failed, _failed_row),
        ),
        AdminState.failed_paging,
    )


def _limit_row(row: LimitRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.code(row.rule)), rx.table.cell(row.rate), rx.table.cell(row.counted_per)
    )


def _limits() -> rx.Component:
    return _table(
        "Rate limits in force",
        ["Rule", "Rate", "Counted per"],
        rx.foreach(AdminState.limits, _limit_row),
    )


def _purge_button() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(rx.button("Purge cache", color_scheme="red")),
        rx.alert_dialog.content(
            rx.alert_dialog.title("Purge the result cache?"),
            rx.alert_dialog.description(
                "Every cached result is deleted; identical submissions will be reviewed anew."
            ),
            rx.flex(
                rx.alert_dialog.cancel(rx.button("Cancel", variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(
                    rx.button("Purge", color_scheme="red", on_click=AdminState.purge_cache)
                ),
                spacing="3",
                justify="end",
                margin_top="1em",
            ),
        ),
    )


def _cache() -> rx.Component:
    figures = AdminState.cache
    return rx.vstack(
        stat_row(
            stat_card("Cached results", figures.stored),
            stat_card("Cache hits", figures.hits),
            stat_card("Hot in Redis", figures.hot),
        ),
        _purge_button(),
        spacing="3",
        width="100%",
    )


def _audit_row(row: AuditRow) -> rx.Component:
    return rx.table.row(
        *[
            rx.table.cell(value)
            for value in (row.when, row.who, row.action, row.target, row.ip, row.detail)
        ],
        class_name="audit-row",
    )


def _audit() -> rx.Component:
    return _paged(
        "audit",
        _table(
            "Audit log",
            ["When", "Who", "Action", "Target", "IP", "Detail"],
            rx.foreach(AdminState.audit_log, _audit_row),
        ),
        AdminState.audit_paging,
        rx.flex(
            labeled(
                "Action",
                rx.select(
                    AUDIT_ACTIONS,
                    value=AdminState.audit_action,
                    on_change=lambda value: AdminState.set_audit_filter("audit_action", value),
                    aria_label="Action",
                ),
            ),
            labeled(
                "Who",
                rx.input(
                    value=AdminState.audit_actor,
                    on_change=lambda value: AdminState.set_audit_filter("audit_actor", value),
                    placeholder="email contains…",
                    debounce_timeout=300,
                ),
            ),
            spacing="3",
            align="end",
        ),
    )


SECTIONS = [
    ("users", "Users", _users),
    ("queue", "Queue", _queue),
    ("failed", "Failed jobs", _failed),
    ("limits", "Rate limits", _limits),
    ("cache", "Cache", _cache),
    ("audit", "Audit log", _audit),
]


def _admin() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.heading("Admin", size="6"),
            rx.spacer(),
            rx.text(AdminState.refreshed_at, size="1", color_scheme="gray"),
            rx.button("Refresh", on_click=AdminState.load, variant="soft"),
            align="center",
            width="100%",
        ),
        messages(AdminState.error, AdminState.notice),
        rx.tabs.root(
            rx.tabs.list(
                *[
                    rx.tabs.trigger(
                        f"{title} ({AdminState.failed_total})" if name == "failed" else title,
                        value=name,
                    )
                    for name, title, _ in SECTIONS
                ]
            ),
            *[
                rx.tabs.content(section(), value=name, padding_top="1em")
                for name, _, section in SECTIONS
            ],
            default_value="users",
            width="100%",
        ),
        spacing="4",
        width="100%",
    )


@protected
def admin_page() -> rx.Component:
    """Users, queue, failed jobs, limits, cache and audit log, for admins."""
    return rx.cond(SessionState.is_admin, _admin(), forbidden())
