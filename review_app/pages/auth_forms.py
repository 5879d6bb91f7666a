"""Pieces the sign-in and registration forms share."""

import reflex as rx


def field(label: str, name: str, input_type: str, autocomplete: str) -> rx.Component:
    """A labelled input of a form."""
    return rx.el.label(
        rx.text(label, size="2", weight="medium"),
        rx.input(
            name=name, type=input_type, required=True, auto_complete=autocomplete, width="100%"
        ),
        display="flex",
        flex_direction="column",
        gap="0.25em",
        width="100%",
    )


def form_card(title: str, form: rx.Component, footer: rx.Component) -> rx.Component:
    """A centered card holding a form."""
    return rx.center(
        rx.card(
            rx.vstack(rx.heading(title, size="6"), form, footer, spacing="4", width="100%"),
            width="100%",
            max_width="24em",
        ),
        padding_top="10vh",
    )


def error_callout(message: rx.Var[str]) -> rx.Component:
    """An inline error, shown only when there is one."""
    return rx.cond(
        message != "",
        rx.callout(message, icon="triangle_alert", color_scheme="red", role="alert", width="100%"),
    )
