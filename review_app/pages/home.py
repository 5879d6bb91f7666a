"""The landing page: what review_app is and where to start."""

import reflex as rx

from review_app import routes
from review_app.components.page import page


@page(routes.HOME, "review_app", public=True)
def home() -> rx.Component:
    """Welcome a visitor and point at the editor."""
    return rx.center(
        rx.vstack(
            rx.heading("review_app", size="8"),
            rx.text("Self-hosted code review: static analyzers plus an LLM, results live."),
            rx.hstack(
                rx.link(rx.button("Open the editor"), href=routes.EDITOR),
                rx.link(rx.button("Sign in", variant="outline"), href=routes.LOGIN),
                rx.link(rx.button("Create an account", variant="soft"), href=routes.REGISTER),
            ),
            align="center",
            spacing="4",
        ),
        min_height="70vh",
    )
