"""/admin: for admins only; everyone else sees a plain 403 page."""

import reflex as rx

from review_app import routes
from review_app.components.layout import protected
from review_app.state.session import SessionState


def forbidden() -> rx.Component:
    """What a signed-in non-admin sees."""
    return rx.center(
        rx.vstack(
            rx.heading("403 — Forbidden", size="7"),
            rx.text("This page is for administrators."),
            rx.link("Back to the editor", href=routes.EDITOR),
            align="center",
        ),
        padding="4em",
    )


@protected
def admin_page() -> rx.Component:
    """User and queue management (arrives with issue 6)."""
    return rx.cond(SessionState.is_admin, rx.heading("Admin", size="6"), forbidden())
