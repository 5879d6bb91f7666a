"""The admin page's Rate limits tab: every limit in force."""

import reflex as rx

from review_app.components.table import data_table
from review_app.pages.admin.rows import LimitRow
from review_app.pages.admin.state import AdminState


def _limit_row(row: LimitRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.code(row.rule)), rx.table.cell(row.rate), rx.table.cell(row.counted_per)
    )


def limits_tab() -> rx.Component:
    """Each rule, its rate and what it counts by."""
    return data_table(
        "Rate limits in force",
        ["Rule", "Rate", "Counted per"],
        rx.foreach(AdminState.limits, _limit_row),
    )
