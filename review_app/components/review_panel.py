"""A review's result: scores, summary, LLM status, what changed, and the findings table."""

import reflex as rx

from review_app.components.code_editor import code_editor, framed
from review_app.components.findings_table import (
    ApplyFix,
    findings_table,
    review_table_setup,
    severity_badge,
)
from review_app.components.messages import messages
from review_app.state.review_view import AnalyzerRow, ChangeRow, ReviewViewState, ScoreRow

DOWNLOADS = (("SARIF", "sarif"), ("Markdown", "markdown"), ("JSON", "json"))


def _downloads() -> rx.Component:
    buttons = rx.hstack(
        rx.text("Download", size="1", color_scheme="gray"),
        *[
            rx.button(
                label,
                size="1",
                variant="outline",
                on_click=ReviewViewState.download(export_format),
                aria_label=f"Download as {label}",
            )
            for label, export_format in DOWNLOADS
        ],
        align="center",
    )
    return rx.vstack(buttons, messages(ReviewViewState.download_error), spacing="1")


def _score_header() -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.text("Score", size="1", color_scheme="gray"),
            rx.heading(ReviewViewState.score, size="8", aria_label="Overall score"),
            rx.text(
                ReviewViewState.submitted, size="1", color_scheme="gray", aria_label="Submitted"
            ),
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
                    rx.cond(
                        ReviewViewState.context_note != "",
                        rx.text(
                            ReviewViewState.context_note,
                            size="1",
                            color_scheme="gray",
                            aria_label="File context",
                        ),
                    ),
                    rx.text(ReviewViewState.summary, aria_label="Summary"),
                    _comparison(),
                    findings_table(review_table_setup(apply_fix)),
                    spacing="4",
                    width="100%",
                ),
            ),
            spacing="3",
            width="100%",
        ),
        rx.text("Open a job to see its review.", size="2", color_scheme="gray"),
    )


def reviewed_code(height: str, aria_label: str) -> rx.Component:
    """The open review's code, read-only, with its findings marked."""
    return framed(
        code_editor(
            document=ReviewViewState.code,
            document_version=ReviewViewState.code_version,
            language=ReviewViewState.language,
            markers=ReviewViewState.markers,
            reveal_line=ReviewViewState.reveal_line,
            reveal_version=ReviewViewState.reveal_version,
            read_only=True,
            height=height,
            aria_label=aria_label,
        )
    )
