"""/history: the user's past reviews (the list arrives with the workspace, issue 5)."""

import reflex as rx

from review_app.components.layout import protected


@protected
def history_page() -> rx.Component:
    """The signed-in user's reviews."""
    return rx.heading("History", size="6")
