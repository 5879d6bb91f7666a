"""The findings of the open review: filters, search, grouping by rule, pages, and each
finding with its fix."""

from collections.abc import Callable

import reflex as rx

from review_app.components.labeled import labeled
from review_app.state.finding_rows import FindingRow
from review_app.state.findings_table import (
    CATEGORY_OPTIONS,
    SEVERITY_OPTIONS,
    SORT_KEYS,
    SOURCE_OPTIONS,
    RuleGroup,
)
from review_app.state.review_view import ReviewViewState

SEVERITY_COLORS = {
    "critical": "red",
    "high": "orange",
    "medium": "amber",
    "low": "blue",
    "info": "gray",
}
ApplyFix = Callable[[int], rx.event.EventSpec]


def severity_badge(severity: rx.Var[str]) -> rx.Component:
    """A badge coloured by severity."""
    return rx.badge(severity, color_scheme=rx.match(severity, *SEVERITY_COLORS.items(), "gray"))


def _select(label: str, options: list[str], value, on_change) -> rx.Component:
    control = rx.select(options, value=value, on_change=on_change, size="1", aria_label=label)
    return labeled(label, control, min_width="8em")


def _filters() -> rx.Component:
    return rx.flex(
        _select(
            "Severity",
            SEVERITY_OPTIONS,
            ReviewViewState.severity_filter,
            ReviewViewState.set_severity_filter,
        ),
        _select(
            "Category",
            CATEGORY_OPTIONS,
            ReviewViewState.category_filter,
            ReviewViewState.set_category_filter,
        ),
        _select(
            "Source",
            SOURCE_OPTIONS,
            ReviewViewState.source_filter,
            ReviewViewState.set_source_filter,
        ),
        _select("Sort by", SORT_KEYS, ReviewViewState.sort_key, ReviewViewState.set_sort_key),
        labeled(
            "Search",
            rx.input(
                value=ReviewViewState.search,
                on_change=ReviewViewState.set_search,
                debounce_timeout=300,
                placeholder="text, rule…",
                size="1",
                aria_label="Search findings",
            ),
        ),
        rx.el.label(
            rx.switch(
                checked=ReviewViewState.grouped,
                on_change=ReviewViewState.set_grouped,
                size="1",
            ),
            rx.text("Group by rule", size="1"),
            display="flex",
            gap="0.4em",
            align_items="center",
        ),
        spacing="3",
        wrap="wrap",
        align="end",
    )


def _finding(row: FindingRow, apply_fix: ApplyFix | None) -> rx.Component:
    fix = rx.el.details(
        rx.el.summary("Suggested fix", cursor="pointer"),
        rx.code_block(row.fix, language="diff", wrap_long_lines=True),
        *([rx.button("Apply fix", size="1", on_click=apply_fix(row.index))] if apply_fix else []),
    )
    return rx.table.row(
        rx.table.cell(severity_badge(row.severity)),
        rx.table.cell(
            rx.button(
                f"L{row.line}",
                variant="ghost",
                size="1",
                on_click=ReviewViewState.show_line(row.line),
                aria_label=f"Go to line {row.line}",
            )
        ),
        rx.table.cell(_described(row, fix)),
        rx.table.cell(row.category),
        rx.table.cell(
            rx.cond(
                row.rule_url != "",
                rx.link(rx.code(row.rule), href=row.rule_url, aria_label=f"Rule {row.rule}"),
                rx.cond(row.rule != "", rx.code(row.rule)),
            ),
            rx.cond(
                row.cwe != "",
                rx.link(row.cwe, href=row.cwe_url, is_external=True, size="1", display="block"),
            ),
            rx.text(row.sources, size="1", color_scheme="gray"),
        ),
        class_name="finding-row",
        key=row.index,  # a row's open fix stays with its finding when others go
        data_line=row.line,
        data_verdict=row.verdict,
        opacity=rx.cond(row.verdict == "dismissed", "0.65", "1"),
    )


def _described(row: FindingRow, fix: rx.Component) -> rx.Component:
    """Title, detail and fix; a finding the LLM dismissed stays, folded under its reason."""
    described = rx.fragment(
        rx.text(
            rx.foreach(
                row.title_parts,
                lambda part, number: rx.cond(number % 2 == 1, rx.code(part), part),
            ),
            weight="medium",
        ),
        rx.text(row.detail, size="1", color_scheme="gray"),
        rx.cond(row.fix != "", fix),
    )
    return rx.cond(
        row.verdict == "dismissed",
        rx.el.details(
            rx.el.summary(
                rx.text.strong("Dismissed by the LLM: "), row.verdict_reason, cursor="pointer"
            ),
            described,
        ),
        rx.fragment(
            described,
            rx.cond(
                row.verdict == "confirmed",
                rx.text(
                    "Confirmed by the LLM: ", row.verdict_reason, size="1", color_scheme="green"
                ),
            ),
        ),
    )


def _findings_rows(apply_fix: ApplyFix | None) -> rx.Component:
    return rx.table.root(
        rx.table.header(
            rx.table.row(
                *[
                    rx.table.column_header_cell(name)
                    for name in ("Severity", "Line", "Finding", "Category", "Rule")
                ]
            )
        ),
        rx.table.body(
            rx.foreach(ReviewViewState.visible_findings, lambda row: _finding(row, apply_fix))
        ),
        size="1",
        width="100%",
        aria_label="Findings",
    )


def _group(group: RuleGroup) -> rx.Component:
    return rx.table.row(
        rx.table.cell(severity_badge(group.severity)),
        rx.table.cell(
            rx.button(
                group.rule,
                variant="ghost",
                size="1",
                on_click=ReviewViewState.show_rule(group.rule),
                aria_label=f"Show the findings of {group.rule}",
            )
        ),
        rx.table.cell(group.title),
        rx.table.cell(group.count, aria_label="Findings of this rule"),
        rx.table.cell(f"L{group.first_line}"),
        class_name="rule-group",
    )


def _groups() -> rx.Component:
    return rx.table.root(
        rx.table.header(
            rx.table.row(
                *[
                    rx.table.column_header_cell(name)
                    for name in ("Worst", "Rule", "Finding", "Count", "First")
                ]
            )
        ),
        rx.table.body(rx.foreach(ReviewViewState.rule_groups, _group)),
        size="1",
        width="100%",
        aria_label="Findings by rule",
    )


def _pager() -> rx.Component:
    return rx.hstack(
        rx.cond(
            ReviewViewState.rule_filter != "",
            rx.badge(
                "Rule ",
                ReviewViewState.rule_filter,
                rx.icon_button(
                    rx.icon("x", size=12),
                    size="1",
                    variant="ghost",
                    on_click=ReviewViewState.show_every_rule,
                    aria_label="Show every rule",
                ),
            ),
        ),
        rx.spacer(),
        rx.text(ReviewViewState.page_label, size="1", aria_label="Findings shown"),
        rx.button(
            "Previous",
            size="1",
            variant="soft",
            disabled=ReviewViewState.page == 0,
            on_click=ReviewViewState.turn_page(-1),
        ),
        rx.button(
            "Next",
            size="1",
            variant="soft",
            disabled=ReviewViewState.page >= ReviewViewState.page_count - 1,
            on_click=ReviewViewState.turn_page(1),
        ),
        align="center",
        width="100%",
    )


def findings_table(apply_fix: ApplyFix | None) -> rx.Component:
    """Filters, then the rule groups or one page of findings; `apply_fix` adds "Apply fix"."""
    return rx.vstack(
        _filters(),
        rx.cond(
            ReviewViewState.grouped,
            _groups(),
            rx.fragment(_pager(), _findings_rows(apply_fix)),
        ),
        spacing="3",
        width="100%",
    )
