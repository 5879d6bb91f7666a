"""The admin page's Users tab: search, disable or enable, promote or demote."""

from functools import partial

import reflex as rx

from review_app.components.labeled import labeled
from review_app.components.table import data_table, paged_table, row_button
from review_app.pages.admin.rows import UserRow
from review_app.pages.admin.state import AdminState


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
                    row_button("Enable", row.email, AdminState.set_disabled(index, False)),
                    row_button(
                        "Disable",
                        row.email,
                        AdminState.set_disabled(index, True),
                        color_scheme="red",
                    ),
                ),
                rx.cond(
                    row.role == "admin",
                    row_button("Demote", row.email, AdminState.set_admin(index, False)),
                    row_button("Promote", row.email, AdminState.set_admin(index, True)),
                ),
            )
        ),
        class_name="user-row",
    )


def users_tab() -> rx.Component:
    """Every account, paged, with what an admin may do to it."""
    return paged_table(
        data_table(
            "Users",
            ["Email", "Role", "Status", "Reviews", "Joined", "Actions"],
            rx.foreach(AdminState.users, _user_row),
        ),
        AdminState.users_paging,
        partial(AdminState.turn_page, "users"),
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
