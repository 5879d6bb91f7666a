"""The admin page's Cache tab: how much is cached, and a purge behind a confirmation."""

import reflex as rx

from review_app.components.stat_card import stat_card, stat_row
from review_app.pages.admin.state import AdminState


def _purge_button() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(rx.button("Purge cache", color_scheme="red")),
        rx.alert_dialog.content(
            rx.alert_dialog.title("Purge the result cache?"),
            rx.alert_dialog.description(
                "Every cached result is deleted; identical submissions will be reviewed anew."
            ),
            rx.flex(
                rx.alert_dialog.cancel(rx.button("Cancel", variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(
                    rx.button("Purge", color_scheme="red", on_click=AdminState.purge_cache)
                ),
                spacing="3",
                justify="end",
                margin_top="1em",
            ),
        ),
    )


def cache_tab() -> rx.Component:
    """Stored results, their hits and the hot copies in Redis."""
    figures = AdminState.cache
    return rx.vstack(
        stat_row(
            stat_card("Cached results", figures.stored),
            stat_card("Cache hits", figures.hits),
            stat_card("Hot in Redis", figures.hot),
        ),
        _purge_button(),
        spacing="3",
        width="100%",
    )
