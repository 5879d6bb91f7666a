"""A number with its label, as the dashboard and the admin page show their headline figures."""

import reflex as rx


def stat_card(label: str, value: rx.Var | str) -> rx.Component:
    """A small card: `label` above `value`; screen readers read it as one labelled group."""
    return rx.card(
        rx.text(label, size="1", color_scheme="gray"),
        rx.text(value, size="6", weight="bold", as_="div"),
        role="group",
        aria_label=label,
        min_width="9em",
    )


def stat_row(*cards: rx.Component) -> rx.Component:
    """Stat cards side by side, wrapping on narrow screens."""
    return rx.flex(*cards, spacing="3", wrap="wrap", width="100%")
