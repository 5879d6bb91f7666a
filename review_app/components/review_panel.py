"""A review's result: scores, summary, LLM status, what changed, and the findings table."""

from collections.abc import Callable

import reflex as rx

from review_app.components.labeled import labeled
from review_app.state.review_view import (
    CATEGORY_OPTIONS,
    SEVERITY_OPTIONS,
    SORT_KEYS,
    SOURCE_OPTIONS,
    AnalyzerRow,
    ChangeRow,
    FindingRow,
    ReviewViewState,
    ScoreRow,
)

SEVERITY_COLORS = {
    "critical": "red",
    "high": "orange",
    "medium": "amber",
    "low": "blue",
    "info": "gray",
}
DOWNLOADS = (("SARIF", "sarif"), ("Markdown", "markdown"), ("JSON", "json"))
ApplyFix = Callable[[int], rx.event.EventSpec]


def severity_badge(severity: rx.Var[str]) -> rx.Component:
    """A badge coloured by severity."""
    return rx.badge(severity, color_scheme=rx.match(severity, *SEVERITY_COLORS.items(), "gray"))


def _downloads() -> rx.Component:
    return rx.hstack(
        rx.text("Download", size="1", color_scheme="gray"),
        *[
            rx.button(
                label,
                size="1",
                variant="outline",
                on_click=ReviewViewState.download(export_format),
                aria_label=f"Download as {label}",
            )
            for label, export_format in (
                ("SARIF", "sarif"),
                ("Markdown", "markdown"),
                ("JSON", "json"),
            )
        ],
        align="center",
    )


def _score_header() -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.text("Score", size="1", color_scheme="gray"),
            rx.heading(ReviewViewState.score, size="8", aria_label="Overall score"),
            spacing="0",
        ),
        rx.flex(
            rx.foreach(ReviewViewState.category_scores, _category_score),
            wrap="wrap",
            spacing="2",
        ),
        rx.spacer(),
        _downloads(),
        spacing="5",
        align="center",
        width="100%",
        wrap="wrap",
    )


def _category_score(row: ScoreRow) -> rx.Component:
    return rx.badge(f"{row.category} {row.score}", variant="surface", size="2")


def _analyzer(row: AnalyzerRow) -> rx.Component:
    return rx.tooltip(
        rx.badge(
            row.name,
            color_scheme=rx.cond(row.ran, "gray", "amber"),
            variant=rx.cond(row.ran, "soft", "outline"),
            aria_label=rx.cond(
                row.ran, f"{row.name} ran: {row.detail}", f"{row.name}: {row.detail}"
            ),
        ),
        content=row.detail,
    )


def _analyzers() -> rx.Component:
    """Which analyzers checked the code (hover for versions), and which could not and why."""
    return rx.flex(
        rx.text("Checked by", size="1", color_scheme="gray"),
        rx.foreach(ReviewViewState.analyzers, _analyzer),
        spacing="2",
        wrap="wrap",
        align="center",
        aria_label="Analyzers",
    )


def _notices() -> rx.Component:
    return rx.fragment(
        rx.cond(
            ReviewViewState.status == "failed",
            rx.callout(
                rx.text("The review failed: ", ReviewViewState.error),
                icon="circle_x",
                color_scheme="red",
                role="alert",
            ),
        ),
        rx.cond(
            ReviewViewState.llm_state == "unavailable",
            rx.callout(
                rx.text("LLM unavailable: ", ReviewViewState.llm_reason, ". Static analysis only."),
                icon="triangle_alert",
                color_scheme="amber",
            ),
        ),
        rx.cond(
            ReviewViewState.llm_state == "skipped",
            rx.callout(
                "No LLM is configured: this review is static analysis only.",
                icon="info",
                color_scheme="gray",
            ),
        ),
    )


def _change(row: ChangeRow) -> rx.Component:
    return rx.list_item(
        severity_badge(row.severity), " ", row.title, rx.text.em(f" {row.rule} (line {row.line})")
    )


def _comparison() -> rx.Component:
    return rx.cond(
        ReviewViewState.compared,
        rx.grid(
            rx.box(
                rx.heading(f"Fixed since last review: {ReviewViewState.fixed.length()}", size="2"),
                rx.unordered_list(rx.foreach(ReviewViewState.fixed, _change)),
                aria_label="Fixed findings",
            ),
            rx.box(
                rx.heading(f"New since last review: {ReviewViewState.new.length()}", size="2"),
                rx.unordered_list(rx.foreach(ReviewViewState.new, _change)),
                aria_label="New findings",
            ),
            columns="2",
            spacing="4",
        ),
    )


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
        spacing="3",
        wrap="wrap",
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
        data_line=row.line,
        data_verdict=row.verdict,
        opacity=rx.cond(row.verdict == "dismissed", "0.65", "1"),
    )


def _described(row: FindingRow, fix: rx.Component) -> rx.Component:
    """Title, detail and fix; a finding the LLM dismissed stays, folded under its reason."""
    described = rx.fragment(
        rx.text(row.title, weight="medium"),
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


def _findings_table(apply_fix: ApplyFix | None) -> rx.Component:
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


def review_panel(apply_fix: ApplyFix | None = None) -> rx.Component:
    """The open review; with `apply_fix`, each suggested fix gets an "Apply fix" button."""
    return rx.cond(
        ReviewViewState.review_id != "",
        rx.vstack(
            rx.cond(
                ReviewViewState.finished,
                rx.fragment(),
                rx.hstack(
                    rx.spinner(),
                    rx.text(ReviewViewState.stage, " (", ReviewViewState.progress, "%)"),
                    role="status",
                ),
            ),
            _notices(),
            rx.cond(
                ReviewViewState.status == "completed",
                rx.vstack(
                    _score_header(),
                    _analyzers(),
                    rx.text(ReviewViewState.summary, aria_label="Summary"),
                    _comparison(),
                    _filters(),
                    _findings_table(apply_fix),
                    spacing="4",
                    width="100%",
                ),
            ),
            spacing="3",
            width="100%",
        ),
        rx.text("Open a job to see its review.", size="2", color_scheme="gray"),
    )
