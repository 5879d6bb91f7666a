"""The admin page's Failed jobs tab: why each failed, and a re-run."""

from functools import partial

import reflex as rx

from review_app.components.table import data_table, paged_table, row_button
from review_app.pages.admin.rows import FailedRow
from review_app.pages.admin.state import AdminState


def _failed_row(row: FailedRow, index: int) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row.failed_at),
        rx.table.cell(row.email),
        rx.table.cell(row.label),
        rx.table.cell(row.attempts),
        rx.table.cell(rx.text(row.error, color_scheme="red", size="2")),
        rx.table.cell(rx.code(row.request_id, size="1")),
        rx.table.cell(row_button("Re-run", row.label, AdminState.rerun(index))),
        class_name="failed-row",
    )


def failed_tab() -> rx.Component:
    """Failed reviews of every user, the most recent first."""
    return paged_table(
        data_table(
            "Failed jobs",
            ["Failed", "User", "File", "Attempts", "Error", "Request id", ""],
            rx.foreach(AdminState.failed, _failed_row),
        ),
        AdminState.failed_paging,
        partial(AdminState.turn_page, "failed"),
    )
