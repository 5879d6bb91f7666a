"""/editor: where code is written and submitted for review (the workspace arrives in issue 5)."""

import reflex as rx

from review_app.components.layout import protected
from review_app.state.session import SessionState


@protected
def editor_page() -> rx.Component:
    """The signed-in user's workspace."""
    return rx.vstack(
        rx.heading("Editor", size="6"),
        rx.text("Signed in as ", rx.text.strong(SessionState.email), "."),
    )
