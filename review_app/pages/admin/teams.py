"""The admin page's Teams tab: every team, its owner, members, projects and LLM tokens, and
whether its members must sign in through single sign-on."""

from functools import partial

import reflex as rx

from review_app.components.table import data_table, paged_table
from review_app.pages.admin.rows import TeamRow
from review_app.pages.admin.state import AdminState


def _team_row(row: TeamRow, index: int) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row.name),
        rx.table.cell(row.owner),
        rx.table.cell(row.members),
        rx.table.cell(row.projects),
        rx.table.cell(row.llm_tokens),
        rx.table.cell(row.created),
        rx.table.cell(
            rx.switch(
                checked=row.sso_required,
                on_change=lambda required: AdminState.require_sso(index, required),
                aria_label=f"Require single sign-on of {row.name}",
            )
        ),
        class_name="admin-team-row",
    )


def teams_tab() -> rx.Component:
    """Every team, by name."""
    return paged_table(
        data_table(
            "Teams",
            ["Team", "Owner", "Members", "Projects", "LLM tokens", "Created", "Requires SSO"],
            rx.foreach(AdminState.teams, _team_row),
        ),
        AdminState.teams_paging,
        partial(AdminState.turn_page, "teams"),
    )
