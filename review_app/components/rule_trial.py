"""Try the custom rules of the configuration above (saved or not) on some code."""

import reflex as rx

from review_app.components.messages import messages
from review_app.review.languages import SUPPORTED_LANGUAGES
from review_app.state.rule_trial import RuleTrialState, TrialRow


def _finding(row: TrialRow) -> rx.Component:
    return rx.text(
        "Line ",
        row.line.to_string(),
        " · ",
        row.severity,
        " · ",
        row.title,
        " (",
        rx.code(row.rule),
        ")",
        size="2",
        class_name="trial-finding",
    )


def rule_trial(saved: rx.Var[str]) -> rx.Component:
    """A code area, its language and Try: what the custom rules as typed find in it."""
    return rx.form(
        rx.vstack(
            rx.heading("Try the custom rules", size="3"),
            rx.text(
                "The [[custom_rules]] above, as typed (saved or not), run on this code.",
                size="2",
                color_scheme="gray",
            ),
            rx.el.input(type="hidden", name="saved", value=saved),
            rx.select.root(
                rx.select.trigger(aria_label="Language of the code"),
                rx.select.content(
                    *[rx.select.item(name, value=name) for name in sorted(SUPPORTED_LANGUAGES)]
                ),
                name="language",
                default_value="python",
                size="1",
            ),
            rx.text_area(
                name="code",
                rows="6",
                font_family="monospace",
                width="100%",
                aria_label="Code to try the rules on",
                max_length=50_000,
            ),
            rx.button("Try the rules", type="submit", variant="soft"),
            messages(RuleTrialState.error),
            rx.cond(
                RuleTrialState.problem != "",
                rx.callout(RuleTrialState.problem, icon="triangle_alert", color_scheme="amber"),
            ),
            rx.foreach(RuleTrialState.findings, _finding),
            rx.cond(
                RuleTrialState.tried & (RuleTrialState.findings.length() == 0),
                rx.text("The custom rules find nothing here.", size="2", id="trial-nothing"),
            ),
            width="100%",
        ),
        on_submit=RuleTrialState.run_trial,
        width="100%",
    )
