"""The frame of every page: a navigation bar, the content, and sign-in protection."""

from collections.abc import Callable
from dataclasses import dataclass

import reflex as rx
from reflex_components_core.core.banner import connection_pulser

from review_app import routes
from review_app.components.session_cookie import session_cookie_sync
from review_app.state.live_updates import LiveUpdatesState
from review_app.state.session import SessionState


@dataclass(frozen=True)
class NavLink:
    """A link of the navigation bar."""

    label: str
    href: str
    position: int  # left to right
    admin_only: bool = False


# Filled by the page template (`components.page.page(nav=...)`) as the page modules load.
NAVIGATION: list[NavLink] = []

# Protected pages check the session on load, then start the tab's live updates.
PROTECTED_ON_LOAD = [SessionState.require_session, LiveUpdatesState.start]


def connection_status() -> rx.Component:
    """A banner while the server is unreachable; it goes away by itself on reconnection."""
    return rx.fragment(
        connection_pulser(),
        rx.connection_banner(
            rx.callout(
                "The server is unreachable. Reconnecting…",
                icon="wifi_off",
                color_scheme="red",
                role="status",
                position="fixed",
                top="0.5em",
                left="50%",
                transform="translateX(-50%)",
                z_index="1000",
            )
        ),
    )


def navbar() -> rx.Component:
    """Links to the pages, the signed-in user, sign out, and the theme toggle."""
    bar = rx.hstack(
        rx.link(rx.text("review_app", size="5", weight="bold"), href=routes.HOME, underline="none"),
        rx.cond(
            SessionState.signed_in,
            rx.hstack(
                *[_nav_link(link) for link in sorted(NAVIGATION, key=lambda link: link.position)],
                spacing="4",
            ),
        ),
        rx.spacer(),
        rx.cond(
            SessionState.signed_in,
            rx.hstack(
                rx.text(SessionState.email, size="2", color_scheme="gray"),
                rx.button("Sign out", on_click=SessionState.logout, variant="soft", size="2"),
                align="center",
            ),
            rx.link("Sign in", href=routes.LOGIN),
        ),
        # Until the page is live a click would be lost: the button waits, as the forms do.
        rx.color_mode.button(aria_label="Toggle dark mode", disabled=~rx.State.is_hydrated),
        align="center",
        spacing="5",
        padding_x="1.5em",
        padding_y="0.75em",
        wrap="wrap",
    )
    return rx.el.nav(bar, aria_label="Main", border_bottom="1px solid var(--gray-a5)", width="100%")


def _nav_link(link: NavLink) -> rx.Component:
    anchor = rx.link(link.label, href=link.href)
    return rx.cond(SessionState.is_admin, anchor) if link.admin_only else anchor


def frame(content: rx.Component) -> rx.Component:
    """A page: the navigation bar above `content`."""
    return rx.box(
        navbar(),
        session_cookie_sync(),
        rx.el.main(content, padding="1.5em", max_width="1400px", margin_x="auto"),
        width="100%",
    )


def protected(content: Callable[[], rx.Component]) -> Callable[[], rx.Component]:
    """A page only a signed-in user sees; others are sent to /login (see PROTECTED_ON_LOAD)."""

    def page() -> rx.Component:
        return frame(
            rx.cond(
                SessionState.signed_in,
                content(),
                rx.center(rx.spinner(size="3"), aria_label="Checking your session", padding="4em"),
            )
        )

    page.__name__ = content.__name__
    return page
