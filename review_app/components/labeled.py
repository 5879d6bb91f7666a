"""A control with its label above it: the one way forms and filters are laid out."""

import reflex as rx


def labeled(label: str, control: rx.Component, **props) -> rx.Component:
    """`control` under a small caption; clicking the caption focuses the control."""
    return rx.el.label(
        rx.text(label, size="1", color_scheme="gray"),
        control,
        display="flex",
        flex_direction="column",
        gap="0.25em",
        **props,
    )
