"""A workspace's rule configuration as a form: review_app.toml's format in a text area, saved
whole (read-only for those who may not change it)."""

import reflex as rx

from review_app.components.rule_trial import rule_trial
from review_app.state.rule_trial import RuleTrialState

EXAMPLE = '[rules]\ndisable = ["D1"]\nseverity = { "B006" = "low" }\n\n[gate]\nfail_on = "high"'


def rules_form(
    text: rx.Var[str], may_edit: rx.Var[bool] | bool, updated: rx.Var[str], on_submit
) -> rx.Component:
    """The configuration `text`, who saved it last (`updated`), and Save when `may_edit`; then
    a trial of its custom rules on some code."""
    may_edit = rx.Var.create(may_edit)
    form = rx.form(
        rx.vstack(
            rx.text(
                "In review_app.toml's format: rules off and their severities (per language too),"
                " analyzers off, ignored paths, the gate, and the team's own [[custom_rules]]"
                " (kept only when each gives what its examples say). A project's own"
                " review_app.toml is laid over it.",
                color_scheme="gray",
                size="2",
            ),
            rx.text_area(
                name="text",
                default_value=text,
                key=text,  # a saved or reloaded text replaces what the area shows
                read_only=~may_edit,
                placeholder=EXAMPLE,
                rows="8",
                font_family="monospace",
                width="100%",
                aria_label="Rule configuration",
                on_blur=RuleTrialState.keep_draft,
            ),
            rx.hstack(
                rx.cond(may_edit, rx.button("Save rules", type="submit")),
                rx.text(updated, size="1", color_scheme="gray"),
                align="center",
                spacing="3",
            ),
            width="100%",
        ),
        on_submit=on_submit,
        width="100%",
    )
    return rx.vstack(form, rule_trial(text), width="100%", spacing="4")
