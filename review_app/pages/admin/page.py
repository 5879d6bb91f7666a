"""/admin: users, teams, the queue, the hosts, failed jobs, rate limits, the cache, the audit log.

For admins only; everyone else sees a plain 403 page (and the services refuse them anyway).
"""

from collections.abc import Callable
from dataclasses import dataclass

import reflex as rx

from review_app import routes
from review_app.components.messages import messages
from review_app.components.page import page
from review_app.pages.admin.audit import audit_tab
from review_app.pages.admin.cache import cache_tab
from review_app.pages.admin.failed import failed_tab
from review_app.pages.admin.hosts import hosts_tab
from review_app.pages.admin.integrations import integrations_tab
from review_app.pages.admin.limits import limits_tab
from review_app.pages.admin.queue import queue_tab
from review_app.pages.admin.state import AdminState
from review_app.pages.admin.teams import teams_tab
from review_app.pages.admin.users import users_tab
from review_app.state.session import SessionState


@dataclass(frozen=True)
class Tab:
    """One tab of the page: its value, its title and what it shows."""

    name: str
    title: rx.Var | str
    content: Callable[[], rx.Component]


TABS = (
    Tab("users", "Users", users_tab),
    Tab("teams", "Teams", teams_tab),
    Tab("queue", "Queue", queue_tab),
    Tab("hosts", "Hosts", hosts_tab),
    Tab("failed", f"Failed jobs ({AdminState.failed_total})", failed_tab),
    Tab("limits", "Rate limits", limits_tab),
    Tab("cache", "Cache", cache_tab),
    Tab("audit", "Audit log", audit_tab),
    Tab(
        "integrations",
        "Integrations",
        lambda: integrations_tab(AdminState.connections, AdminState.pull_request_runs),
    ),
)


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
            rx.tabs.list(*[rx.tabs.trigger(tab.title, value=tab.name) for tab in TABS]),
            *[rx.tabs.content(tab.content(), value=tab.name, padding_top="1em") for tab in TABS],
            default_value="users",
            width="100%",
        ),
        spacing="4",
        width="100%",
    )


@page(routes.ADMIN, "Admin", on_load=[AdminState.load], nav=(5, "Admin"), admin_only=True)
def admin_page() -> rx.Component:
    """Users, queue, failed jobs, limits, cache and audit log, for admins."""
    return rx.cond(SessionState.is_admin, _admin(), forbidden())
