"""A team's triage on the project page: each finding's decision (or a form to make one), and
the project's baseline."""

import reflex as rx

from review_app.components.messages import messages
from review_app.state.finding_rows import FindingRow
from review_app.state.project_view import ProjectViewState
from review_app.state.triage import DECISION_CHOICES, TriageState


def _decision_form(row: FindingRow) -> rx.Component:
    """A popover holding the decision's kind and comment."""
    return rx.popover.root(
        rx.popover.trigger(
            rx.button("Decide", size="1", variant="soft", aria_label="Decide on this finding")
        ),
        rx.popover.content(
            rx.form(
                rx.vstack(
                    rx.el.input(type="hidden", name="review_id", value=row.review_id),
                    rx.el.input(type="hidden", name="finding", value=row.index),
                    rx.select.root(
                        rx.select.trigger(aria_label="Decision"),
                        rx.select.content(
                            *[
                                rx.select.item(label, value=kind.value)
                                for kind, label in DECISION_CHOICES.items()
                            ]
                        ),
                        name="kind",
                        default_value="false_positive",
                        size="1",
                    ),
                    rx.text_area(
                        name="comment",
                        placeholder="Why (shown with the finding and in exports)",
                        max_length=1000,
                        aria_label="Comment",
                        size="1",
                    ),
                    rx.popover.close(rx.button("Save decision", type="submit", size="1")),
                ),
                on_submit=TriageState.decide,
            ),
            width="18em",
        ),
    )


def decision_cell(row: FindingRow) -> rx.Component:
    """The decision on the finding, with Take back; or Decide, for members of its project."""
    return rx.cond(
        row.decision != "",
        rx.vstack(
            rx.badge(row.decision, color_scheme="gray", class_name="decision"),
            rx.cond(row.decision_note != "", rx.text(row.decision_note, size="1")),
            rx.cond(
                ProjectViewState.may_review,
                rx.button(
                    "Take back",
                    size="1",
                    variant="ghost",
                    on_click=TriageState.take_back(row.decision_id),
                ),
            ),
            spacing="1",
        ),
        rx.cond(ProjectViewState.may_review & (row.review_id != ""), _decision_form(row)),
    )


def baseline_bar() -> rx.Component:
    """The project's baseline, what it hides here, and (for maintainers) set or clear it."""
    accept = rx.button(
        "Accept as baseline",
        on_click=TriageState.accept_baseline,
        variant="soft",
        size="1",
        title="Later reviews hide these findings until their lines change",
    )
    clear = rx.button(
        "Clear baseline", on_click=TriageState.clear_baseline, variant="ghost", size="1"
    )
    bar = rx.hstack(
        rx.cond(
            TriageState.baseline != "",
            rx.text(
                TriageState.baseline,
                " Hidden here: ",
                ProjectViewState.in_baseline.to_string(),
                ".",
                size="2",
                id="project-baseline",
            ),
            rx.text("No baseline: every finding is shown.", size="2", color_scheme="gray"),
        ),
        rx.cond(
            ProjectViewState.may_manage & (ProjectViewState.change_new == -1),
            rx.fragment(accept, rx.cond(TriageState.baseline != "", clear)),
        ),
        align="center",
        wrap="wrap",
    )
    return rx.vstack(messages(TriageState.error, TriageState.notice), bar, spacing="2")
