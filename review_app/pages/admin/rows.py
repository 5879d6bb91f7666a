"""What the admin page's tables and cards show, made from the services' answers."""

import dataclasses
from datetime import UTC, datetime

from review_app.services import rate_limits
from review_app.services.accounts.identity import CurrentUser
from review_app.services.admin import audit_history
from review_app.services.admin import cache as admin_cache
from review_app.services.admin import hosts as admin_hosts
from review_app.services.admin import jobs as admin_jobs
from review_app.services.admin import limits as admin_limits
from review_app.services.admin import teams as admin_teams
from review_app.services.admin import users as admin_users


def when(moment: datetime | None) -> str:
    return "—" if moment is None else f"{moment.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC"


def seen(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "—"
    return f"{when(moment)} ({max(0, int((now - moment).total_seconds()))} s ago)"


def count(value: int | None, missing: str = "—", thousands: str = ",") -> str:
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
class TeamRow:
    """A team on the admin page."""

    name: str
    owner: str
    members: int
    projects: int
    llm_tokens: str
    created: str
    sso_required: bool


@dataclasses.dataclass
class WorkerRow:
    """A live worker and when its heartbeat was last seen."""

    hostname: str
    pid: str
    concurrency: str
    started: str
    seen: str


@dataclasses.dataclass
class HostRow:
    """One role on one host: up or down, its processes, and when it was last heard from."""

    host: str
    role: str
    status: str
    processes: str
    started: str
    seen: str


@dataclasses.dataclass
class DependencyRow:
    """A service behind the hosts (database, Redis, the broker) and how it answers."""

    name: str
    ok: bool
    answer: str


def host_rows(health: admin_hosts.HostHealth) -> tuple[list[HostRow], list[DependencyRow]]:
    """The hosts by role, and the services behind them."""
    now = datetime.now(UTC)
    hosts = [
        HostRow(
            host=role.host,
            role=role.role,
            status=role.status,
            processes=f"{role.processes_up} up"
            + (f", {role.processes_silent} silent" if role.processes_silent else ""),
            started=when(role.started_at),
            seen=seen(role.seen_at, now),
        )
        for role in health.hosts
    ]
    dependencies = [
        DependencyRow(
            name=service.name,
            ok=service.ok,
            answer=f"answers in {service.latency_ms} ms"
            if service.ok
            else f"unreachable ({service.detail})",
        )
        for service in health.dependencies
    ]
    return hosts, dependencies


@dataclasses.dataclass
class FailedRow:
    """A failed review, whose it is and why it failed."""

    label: str
    email: str
    error: str
    attempts: int
    failed_at: str
    request_id: str  # to find its log lines


@dataclasses.dataclass
class LimitRow:
    """A rate limit in force, and where its rate comes from."""

    rule: str
    rate: str
    counted_per: str
    source: str


@dataclasses.dataclass
class OverrideRow:
    """A rate an administrator set."""

    rule: str
    rate: str
    applies_to: str
    set_by: str
    set_at: str


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


def user_rows(page: admin_users.UserPage, admin: CurrentUser) -> tuple[list[UserRow], list[str]]:
    """The users of a page, and the ids behind the rows (kept on the server)."""
    rows = [
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
    return rows, [str(item.id) for item in page.items]


def failed_rows(page: admin_jobs.FailedJobPage) -> tuple[list[FailedRow], list[str]]:
    """The failed reviews of a page, and the ids behind the rows."""
    rows = [
        FailedRow(
            label=item.filename or f"untitled {item.language}",
            email=item.user_email,
            error=item.error or "(no error recorded)",
            attempts=item.attempts,
            failed_at=when(item.finished_at),
            request_id=item.request_id or "",
        )
        for item in page.items
    ]
    return rows, [str(item.id) for item in page.items]


def audit_rows(page: audit_history.AuditPage) -> list[AuditRow]:
    """The events of a page of the audit log."""
    return [
        AuditRow(
            when=when(item.created_at),
            who=item.actor_email or "—",
            action=item.action,
            target=item.target or "",
            ip=item.ip or "",
            detail=item.detail or "",
        )
        for item in page.items
    ]


def queue_figures(health: admin_jobs.QueueHealth) -> tuple[QueueFigures, list[WorkerRow]]:
    """The queue's cards and its live workers."""
    figures = QueueFigures(
        depth=count(health.queue_depth, "broker down"),
        pending=count(health.pending),
        running=count(health.running),
        completed=count(health.completed),
        failed=count(health.failed),
        redis_ok=health.redis_ok,
    )
    now = datetime.now(UTC)
    workers = [
        WorkerRow(
            hostname=worker.hostname,
            pid=count(worker.pid, thousands=""),
            concurrency=count(worker.concurrency),
            started=when(worker.started_at),
            seen=seen(worker.seen_at, now),
        )
        for worker in health.workers
    ]
    return figures, workers


def limit_rows(rules: list[rate_limits.RuleInForce]) -> list[LimitRow]:
    """The rate limits in force."""
    return [LimitRow(rule.rule, rule.rate, rule.counted_per, rule.source) for rule in rules]


def override_rows(
    overrides: list[admin_limits.OverrideView],
) -> tuple[list[OverrideRow], list[int]]:
    """The rates administrators set, and the ids behind the rows (kept on the server)."""
    shown = [
        OverrideRow(
            rule=view.rule.value,
            rate=view.rate,
            applies_to=view.applies_to,
            set_by=view.set_by or "—",
            set_at=when(view.set_at),
        )
        for view in overrides
    ]
    return shown, [view.id for view in overrides]


def cache_figures(figures: admin_cache.CacheStats) -> CacheFigures:
    """The result cache's cards."""
    return CacheFigures(
        stored=count(figures.entries),
        hits=count(figures.hits),
        hot=count(figures.hot_entries, "Redis down"),
    )


def team_rows(page: admin_teams.AdminTeamPage) -> tuple[list[TeamRow], list[str]]:
    """The teams of a page, and the ids behind the rows."""
    rows = [
        TeamRow(
            name=team.name,
            owner=team.owner,
            members=team.members,
            projects=team.projects,
            llm_tokens=count(team.llm_tokens),
            created=when(team.created_at),
            sso_required=team.sso_required,
        )
        for team in page.items
    ]
    return rows, [str(team.id) for team in page.items]
