"""The admin page's Hosts tab: each host's roles, up or silent since when, and the services
behind them."""

import reflex as rx

from review_app.components.stat_card import stat_card, stat_row
from review_app.components.table import table_or_warning, text_cells
from review_app.pages.admin.rows import DependencyRow, HostRow
from review_app.pages.admin.state import AdminState


def _status(status: rx.Var) -> rx.Component:
    return rx.badge(status, color_scheme=rx.cond(status == "up", "green", "red"))


def _host_row(row: HostRow) -> rx.Component:
    return rx.table.row(
        *text_cells(row.host, row.role),
        rx.table.cell(_status(row.status)),
        *text_cells(row.processes, row.started, row.seen),
    )


def _dependency_card(dependency: DependencyRow) -> rx.Component:
    return stat_card(dependency.name, dependency.answer)


def hosts_tab() -> rx.Component:
    """Whether the database, Redis and the broker answer, then every host heard from lately."""
    return rx.vstack(
        stat_row(rx.foreach(AdminState.dependencies, _dependency_card)),
        rx.heading("Hosts", size="3", as_="h2"),
        table_or_warning(
            "Hosts",
            ["Host", "Role", "Status", "Processes", "Started", "Last heard from"],
            AdminState.hosts,
            _host_row,
            "No host has announced itself within the hour (or Redis cannot be read).",
        ),
        spacing="3",
        width="100%",
    )
