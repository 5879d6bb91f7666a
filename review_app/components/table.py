"""Tables as the admin page and the lists show them: labelled, with row actions and paging."""

from collections.abc import Callable, Sequence
from typing import Any

import reflex as rx

from review_app.components.paging import Paging, pager

# Present for screen readers, invisible on screen.
VISUALLY_HIDDEN = {
    "position": "absolute",
    "width": "1px",
    "height": "1px",
    "overflow": "hidden",
    "clip": "rect(0 0 0 0)",
    "white_space": "nowrap",
}


def data_table(label: str, headers: list[str], body: rx.Component) -> rx.Component:
    """A table named by `label` (a caption only screen readers read: the page says it already)."""
    return rx.table.root(
        rx.el.caption(label, style=VISUALLY_HIDDEN),
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in headers])),
        rx.table.body(body),
        size="1",
        width="100%",
    )


def table_or_warning(
    label: str,
    headers: list[str],
    rows: rx.Var[list],
    row: Callable[[Any], rx.Component],
    warning: str,
) -> rx.Component:
    """`data_table` of `rows`, one `row` each, or `warning` when there are none."""
    return rx.cond(
        rows.length() > 0,
        data_table(label, headers, rx.foreach(rows, row)),
        rx.callout(warning, icon="triangle_alert", color_scheme="amber"),
    )


def listing_table(
    label: str,
    headers: Sequence[str],
    rows: rx.Var[list],
    row: Callable[[Any], rx.Component],
) -> rx.Component:
    """A full-width table of `rows`, one `row` each, named `label` for screen readers."""
    return rx.table.root(
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in headers])),
        rx.table.body(rx.foreach(rows, row)),
        width="100%",
        aria_label=label,
    )


def paged_table(
    table: rx.Component,
    paging: Paging,
    turn: Callable[[int], rx.event.EventSpec],
    *filters: rx.Component,
) -> rx.Component:
    """A paged list: its filters, the table, and Previous/Next under it."""
    return rx.vstack(*filters, table, pager(paging, turn), spacing="3", width="100%")


def row_button(
    label: str, row_name: rx.Var[str], event: rx.event.EventSpec, **props
) -> rx.Component:
    """A small button acting on one row, named for screen readers by the action and the row."""
    return rx.button(
        label, on_click=event, size="1", variant="soft", aria_label=f"{label} {row_name}", **props
    )


def text_cells(*values: rx.Var | str) -> list[rx.Component]:
    """One plain cell per value."""
    return [rx.table.cell(value) for value in values]
