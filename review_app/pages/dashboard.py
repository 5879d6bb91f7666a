"""/dashboard: trends of the user's reviews (the charts arrive with issue 6)."""

import reflex as rx

from review_app.components.layout import protected


@protected
def dashboard_page() -> rx.Component:
    """The signed-in user's analytics."""
    return rx.heading("Dashboard", size="6")
