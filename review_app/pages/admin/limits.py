"""The admin page's Rate limits tab: every limit in force (for everyone or one user) with where
its rate comes from, the rates administrators set, and a form to set one."""

import reflex as rx

from review_app.components.table import data_table
from review_app.pages.admin.rows import LimitRow, OverrideRow
from review_app.pages.admin.state import SCOPES, AdminState
from review_app.services.rate_limits import Rule


def _limit_row(row: LimitRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.code(row.rule)),
        rx.table.cell(row.rate),
        rx.table.cell(row.counted_per),
        rx.table.cell(row.source),
        class_name="limit-row",
    )


def _override_row(row: OverrideRow, index: rx.Var[int]) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.code(row.rule)),
        rx.table.cell(row.applies_to),
        rx.table.cell(row.rate),
        rx.table.cell(row.set_by),
        rx.table.cell(row.set_at),
        rx.table.cell(
            rx.button(
                "Remove",
                on_click=AdminState.remove_limit(index),
                size="1",
                variant="soft",
                color_scheme="red",
                aria_label=f"Remove the {row.rule} rate for {row.applies_to}",
            )
        ),
        class_name="override-row",
    )


def _choice(name: str, label: str, choices: dict[str, str], default: str) -> rx.Component:
    return rx.select.root(
        rx.select.trigger(aria_label=label),
        rx.select.content(*[rx.select.item(text, value=value) for value, text in choices.items()]),
        name=name,
        default_value=default,
        size="2",
    )


def _set_form() -> rx.Component:
    return rx.form(
        rx.hstack(
            _choice("rule", "Rule", {rule.value: rule.value for rule in Rule}, Rule.SUBMIT.value),
            _choice("scope", "For", SCOPES, "everyone"),
            rx.input(name="subject", placeholder="team or email", aria_label="Team or user"),
            rx.input(name="rate", placeholder="30/minute", aria_label="Rate", required=True),
            rx.button("Set limit", type="submit"),
            align="center",
            wrap="wrap",
        ),
        on_submit=AdminState.set_limit,
    )


def _for_whom() -> rx.Component:
    return rx.form(
        rx.hstack(
            rx.input(
                name="email",
                placeholder="a user's email (empty: everyone)",
                aria_label="Limits in force for",
                width="20em",
            ),
            rx.button("Show", type="submit", variant="soft"),
            align="center",
        ),
        on_submit=AdminState.show_limits_for,
    )


def limits_tab() -> rx.Component:
    """The limits in force, the rates set here, and setting one."""
    return rx.vstack(
        rx.heading(
            "In force for ",
            rx.cond(AdminState.limits_for != "", AdminState.limits_for, "everyone"),
            size="3",
            id="limits-for",
        ),
        _for_whom(),
        data_table(
            "Rate limits in force",
            ["Rule", "Rate", "Counted per", "Source"],
            rx.foreach(AdminState.limits, _limit_row),
        ),
        rx.heading("Set here", size="3"),
        rx.text(
            "A user's own rate wins over their teams' (the most generous of them), which win "
            "over everyone's, which wins over the settings. Changes hold within 5 seconds.",
            size="2",
            color_scheme="gray",
        ),
        data_table(
            "Rates set by administrators",
            ["Rule", "For", "Rate", "Set by", "Set at", ""],
            rx.foreach(AdminState.overrides, _override_row),
        ),
        _set_form(),
        width="100%",
        spacing="4",
    )
