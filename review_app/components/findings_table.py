"""The findings of the open review: filters, search, grouping by rule, pages, and each
finding with its fix."""

import dataclasses
from collections.abc import Callable

import reflex as rx

from review_app.components.labeled import labeled
from review_app.state.finding_rows import FindingRow
from review_app.state.findings_table import (
    CATEGORY_OPTIONS,
    PROJECT_SORT_KEYS,
    SEVERITY_OPTIONS,
    SORT_KEYS,
    SOURCE_OPTIONS,
    FindingsTable,
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
RowAction = Callable[[FindingRow], rx.event.EventType]


@dataclasses.dataclass(frozen=True)
class TableSetup:
    """Which findings a table lists and what its rows do.

    `go_to` shows a finding's line; `fix` applies its fix (None: fixes are only shown);
    `across_files` adds each finding's file (a project's list); `decision` renders a column
    with the team's decision on each finding.
    """

    state: type[FindingsTable]
    go_to: RowAction
    fix: RowAction | None = None
    across_files: bool = False
    label: str = "Findings"
    decision: Callable[[FindingRow], rx.Component] | None = None


def review_table_setup(apply_fix: ApplyFix | None) -> TableSetup:
    """The open review's findings; `apply_fix` (by the finding's index) adds "Apply fix"."""
    return TableSetup(
        state=ReviewViewState,
        go_to=lambda row: ReviewViewState.show_line(row.line),
        fix=(lambda row: apply_fix(row.index)) if apply_fix else None,
    )


def severity_badge(severity: rx.Var[str]) -> rx.Component:
    """A badge coloured by severity."""
    return rx.badge(severity, color_scheme=rx.match(severity, *SEVERITY_COLORS.items(), "gray"))


def _select(label: str, options: list[str], value, on_change) -> rx.Component:
    control = rx.select(options, value=value, on_change=on_change, size="1", aria_label=label)
    return labeled(label, control, min_width="8em")


def _switch(label: str, checked, on_change) -> rx.Component:
    return rx.el.label(
        rx.switch(checked=checked, on_change=on_change, size="1"),
        rx.text(label, size="1"),
        display="flex",
        gap="0.4em",
        align_items="center",
    )


def _filters(setup: TableSetup) -> rx.Component:
    state = setup.state
    sort_keys = PROJECT_SORT_KEYS if setup.across_files else SORT_KEYS
    return rx.flex(
        _select("Severity", SEVERITY_OPTIONS, state.severity_filter, state.set_severity_filter),
        _select("Category", CATEGORY_OPTIONS, state.category_filter, state.set_category_filter),
        _select("Source", SOURCE_OPTIONS, state.source_filter, state.set_source_filter),
        _select("Sort by", sort_keys, state.sort_key, state.set_sort_key),
        labeled(
            "Search",
            rx.input(
                value=state.search,
                on_change=state.set_search,
                debounce_timeout=300,
                placeholder="text, rule, file…" if setup.across_files else "text, rule…",
                size="1",
                aria_label=f"Search {setup.label.lower()}",
            ),
        ),
        _switch("Group by rule", state.grouped, state.set_grouped),
        rx.cond(
            state.change_review,
            _switch("Show unchanged", state.show_unchanged, state.set_show_unchanged),
        ),
        spacing="3",
        wrap="wrap",
        align="end",
    )


def _where(row: FindingRow, setup: TableSetup) -> rx.Component:
    """The finding's line (and file, across files): a button that shows it in the editor."""
    where = f"{row.path}:{row.line}" if setup.across_files else f"L{row.line}"
    button = rx.button(
        where,
        variant="ghost",
        size="1",
        on_click=setup.go_to(row),
        aria_label=f"Go to {where}" if setup.across_files else f"Go to line {row.line}",
        white_space="normal",
        text_align="left",
    )
    if not setup.across_files:
        return button
    return rx.fragment(
        button, rx.cond(row.change != "", rx.badge(row.change, size="1", variant="outline"))
    )


def _finding(row: FindingRow, setup: TableSetup) -> rx.Component:
    fix = rx.el.details(
        rx.el.summary("Suggested fix", cursor="pointer"),
        rx.code_block(row.fix, language="diff", wrap_long_lines=True),
        *([rx.button("Apply fix", size="1", on_click=setup.fix(row))] if setup.fix else []),
    )
    return rx.table.row(
        rx.table.cell(severity_badge(row.severity)),
        rx.table.cell(_where(row, setup)),
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
        *([rx.table.cell(setup.decision(row))] if setup.decision else []),
        class_name="finding-row",
        key=row.path + "#" + row.index.to_string(),  # an open fix stays with its finding
        data_line=row.line,
        data_path=row.path,
        data_verdict=row.verdict,
        data_decision=row.decision,
        opacity=rx.cond((row.verdict == "dismissed") | (row.decision != ""), "0.65", "1"),
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


def _findings_rows(setup: TableSetup) -> rx.Component:
    where = "Where" if setup.across_files else "Line"
    return rx.table.root(
        rx.table.header(
            rx.table.row(
                *[
                    rx.table.column_header_cell(name)
                    for name in ("Severity", where, "Finding", "Category", "Rule")
                ],
                *([rx.table.column_header_cell("Decision")] if setup.decision else []),
            )
        ),
        rx.table.body(rx.foreach(setup.state.visible_findings, lambda row: _finding(row, setup))),
        size="1",
        width="100%",
        aria_label=setup.label,
    )


def _group(group: RuleGroup, setup: TableSetup) -> rx.Component:
    first = (
        f"{group.first_path}:{group.first_line}" if setup.across_files else f"L{group.first_line}"
    )
    return rx.table.row(
        rx.table.cell(severity_badge(group.severity)),
        rx.table.cell(
            rx.button(
                group.rule,
                variant="ghost",
                size="1",
                on_click=setup.state.show_rule(group.rule),
                aria_label=f"Show the findings of {group.rule}",
            )
        ),
        rx.table.cell(group.title),
        rx.table.cell(group.count, aria_label="Findings of this rule"),
        rx.table.cell(first),
        class_name="rule-group",
    )


def _groups(setup: TableSetup) -> rx.Component:
    return rx.table.root(
        rx.table.header(
            rx.table.row(
                *[
                    rx.table.column_header_cell(name)
                    for name in ("Worst", "Rule", "Finding", "Count", "First")
                ]
            )
        ),
        rx.table.body(rx.foreach(setup.state.rule_groups, lambda group: _group(group, setup))),
        size="1",
        width="100%",
        aria_label=f"{setup.label} by rule",
    )


def _pager(setup: TableSetup) -> rx.Component:
    state = setup.state
    return rx.hstack(
        rx.cond(
            state.rule_filter != "",
            rx.badge(
                "Rule ",
                state.rule_filter,
                rx.icon_button(
                    rx.icon("x", size=12),
                    size="1",
                    variant="ghost",
                    on_click=state.show_every_rule,
                    aria_label="Show every rule",
                ),
            ),
        ),
        rx.spacer(),
        rx.text(state.page_label, size="1", aria_label=f"{setup.label} shown"),
        rx.button(
            "Previous",
            size="1",
            variant="soft",
            disabled=state.page == 0,
            on_click=state.turn_page(-1),
        ),
        rx.button(
            "Next",
            size="1",
            variant="soft",
            disabled=state.page >= state.page_count - 1,
            on_click=state.turn_page(1),
        ),
        align="center",
        width="100%",
    )


def findings_table(setup: TableSetup) -> rx.Component:
    """Filters, then the rule groups or one page of findings."""
    return rx.vstack(
        _filters(setup),
        rx.cond(
            setup.state.grouped,
            _groups(setup),
            rx.fragment(_pager(setup), _findings_rows(setup)),
        ),
        spacing="3",
        width="100%",
    )
