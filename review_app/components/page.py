"""The page template: one decorator registers a page, frames it and adds its navigation link.

As Reflex's dashboard template does: `@page(route, title, ...)` wraps the page in the frame,
registers it with `rx.page` (the app adds every decorated page of the modules it imports) and,
with `nav=`, adds the link to the navigation bar.
"""

from collections.abc import Callable, Sequence

import reflex as rx

from review_app.components.layout import NAVIGATION, PROTECTED_ON_LOAD, NavLink, frame, protected

Page = Callable[[], rx.Component]


def page(
    route: str,
    title: str,
    *,
    on_load: Sequence[rx.event.EventType] = (),
    nav: tuple[int, str] | None = None,
    admin_only: bool = False,
    public: bool = False,
) -> Callable[[Page], Page]:
    """Register the decorated page at `route`; protected (signed-in users only) unless public.

    `nav=(position, label)` adds a link to the navigation bar, ordered by position.
    """

    def register(content: Page) -> Page:
        framed = frame_public(content) if public else protected(content)
        events = list(on_load) if public else [*PROTECTED_ON_LOAD, *on_load]
        full_title = title if title == "review_app" else f"{title} · review_app"
        rx.page(route=route, title=full_title, on_load=events or None)(framed)
        if nav is not None:
            position, label = nav
            NAVIGATION.append(NavLink(label, route, position, admin_only))
        return framed

    return register


def frame_public(content: Page) -> Page:
    """A page anyone sees, in the frame."""

    def framed() -> rx.Component:
        return frame(content())

    framed.__name__ = content.__name__
    return framed
