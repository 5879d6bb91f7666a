"""The admin page's Integrations tab: connected repositories with the host's health, and the
latest pull request reviews with what went wrong."""

import dataclasses

import reflex as rx

from review_app.components.table import data_table
from review_app.pages.admin.rows import when
from review_app.services.integrations.connections import ConnectionView, RunView


@dataclasses.dataclass
class ConnectionRow:
    """A connected repository: the host answers, or its last error."""

    repository: str
    host: str
    token: str
    fail_on: str
    health: str

    @classmethod
    def of(cls, view: ConnectionView) -> "ConnectionRow":
        """The row of a connection."""
        health = f"{view.last_error} ({when(view.last_error_at)})" if view.last_error else "working"
        return cls(view.repository, view.host, view.token_hint, view.fail_on, health)


@dataclasses.dataclass
class RunRow:
    """A pull request review."""

    pull_request: str
    commit: str
    status: str
    detail: str
    started: str

    @classmethod
    def of(cls, view: RunView) -> "RunRow":
        """The row of a run."""
        return cls(
            f"{view.repository}#{view.number}",
            view.head_sha or "—",
            view.status,
            view.error or view.note or "",
            when(view.created_at),
        )


def integrations_tab(connections: rx.Var, runs: rx.Var) -> rx.Component:
    """The connections and the latest runs."""
    return rx.vstack(
        data_table(
            "Connected repositories",
            ["Repository", "Host", "Token", "Fails on", "Host health"],
            rx.foreach(
                connections,
                lambda row: rx.table.row(
                    rx.table.cell(row.repository),
                    rx.table.cell(row.host),
                    rx.table.cell(rx.code(row.token)),
                    rx.table.cell(row.fail_on),
                    rx.table.cell(row.health),
                    class_name="connection-row",
                ),
            ),
        ),
        data_table(
            "Latest pull request reviews",
            ["Pull request", "Commit", "Status", "Detail", "Started"],
            rx.foreach(
                runs,
                lambda row: rx.table.row(
                    rx.table.cell(row.pull_request),
                    rx.table.cell(rx.code(row.commit)),
                    rx.table.cell(row.status),
                    rx.table.cell(row.detail),
                    rx.table.cell(row.started),
                    class_name="pull-request-run-row",
                ),
            ),
        ),
        rx.text(
            "Connect repositories through POST /api/integrations; see docs/integrations.md.",
            size="1",
            color_scheme="gray",
        ),
        spacing="4",
        width="100%",
    )
