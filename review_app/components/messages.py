"""What a page says after an action: a failure as an alert, a success as a status note."""

import reflex as rx


def messages(error: rx.Var[str], notice: rx.Var[str] | None = None) -> rx.Component:
    """The error (read out at once by screen readers) and, when the page has one, the notice."""
    parts = [
        rx.cond(
            error != "",
            rx.callout(error, icon="triangle_alert", color_scheme="red", role="alert"),
        )
    ]
    if notice is not None:
        parts.append(
            rx.cond(
                notice != "", rx.callout(notice, icon="check", color_scheme="green", role="status")
            )
        )
    return rx.fragment(*parts)


def not_found(title: str, explanation: str, back: str, href: str) -> rx.Component:
    """What a page of one thing shows when there is no such thing of the user's."""
    return rx.vstack(rx.heading(title, size="6"), rx.text(explanation), rx.link(back, href=href))
