"""The admin page's Audit log tab: who did what, filtered by action and actor."""

from functools import partial

import reflex as rx

from review_app.components.labeled import labeled
from review_app.components.table import data_table, paged_table, text_cells
from review_app.pages.admin.rows import AuditRow
from review_app.pages.admin.state import AUDIT_ACTIONS, AdminState


def _audit_row(row: AuditRow) -> rx.Component:
    cells = text_cells(row.when, row.who, row.action, row.target, row.ip, row.detail)
    return rx.table.row(*cells, class_name="audit-row")


def _filters() -> rx.Component:
    return rx.flex(
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
    )


def audit_tab() -> rx.Component:
    """The audit log, newest first."""
    return paged_table(
        data_table(
            "Audit log",
            ["When", "Who", "Action", "Target", "IP", "Detail"],
            rx.foreach(AdminState.audit_log, _audit_row),
        ),
        AdminState.audit_paging,
        partial(AdminState.turn_page, "audit"),
        _filters(),
    )
