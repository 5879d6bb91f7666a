"""/reviews/[review_id]: one past review, read-only, with its code and findings."""

import reflex as rx

from review_app import routes
from review_app.components.messages import not_found
from review_app.components.page import page
from review_app.components.review_panel import review_panel, reviewed_code
from review_app.state.review_view import ReviewViewState


@page(routes.REVIEW, "Review", on_load=[ReviewViewState.open_from_route])
def review_page() -> rx.Component:
    """The code with its findings marked, and the review beside it."""
    return rx.cond(
        ReviewViewState.not_found,
        not_found(
            "Review not found",
            "There is no review of yours with this address.",
            "Back to your history",
            routes.HISTORY,
        ),
        rx.vstack(
            rx.hstack(
                rx.link("← History", href=routes.HISTORY),
                rx.heading(
                    rx.cond(ReviewViewState.filename != "", ReviewViewState.filename, "Review"),
                    size="6",
                ),
                rx.badge(ReviewViewState.language),
                align="center",
                spacing="4",
            ),
            reviewed_code("50vh", "Reviewed code (read-only)"),
            review_panel(),
            spacing="4",
            width="100%",
        ),
    )
