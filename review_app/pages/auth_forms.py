"""Pieces the sign-in and registration forms share."""

from collections.abc import Callable
from functools import partial

import reflex as rx

from review_app.components.labeled import labeled
from review_app.components.messages import messages
from review_app.services.accounts import auth
from review_app.services.errors import ServiceError
from review_app.state.session import SessionState, client_ip_of

Authenticate = Callable[..., auth.TokenPair]  # called with ip=...


class AuthFormState(rx.State, mixin=True):
    """The error and progress of a sign-in style form."""

    error: str = ""
    busy: bool = False

    @rx.event
    def start(self) -> None:
        """Show that the form is being checked."""
        self.error = ""
        self.busy = True


async def start_session(state: rx.State, authenticate: Authenticate, destination: str) -> str:
    """Authenticate (the service counts the attempt) and sign this browser in.

    Returns the error to show, or "" when the tab is signed in: it goes to `destination` once
    the browser holds the session cookie.
    """
    ip = client_ip_of(state.router)
    try:
        pair = await rx.run_in_thread(partial(authenticate, ip=ip))
        await (await state.get_state(SessionState))._sign_in(pair, destination)
    except ServiceError as error:
        return str(error)
    return ""


def field(label: str, name: str, input_type: str, autocomplete: str) -> rx.Component:
    """A labelled input of a form."""
    control = rx.input(name=name, type=input_type, required=True, auto_complete=autocomplete)
    return labeled(label, control, width="100%")


def form_card(title: str, form: rx.Component, footer: rx.Component) -> rx.Component:
    """A centered card holding a form."""
    return rx.center(
        rx.card(
            rx.vstack(rx.heading(title, size="6"), form, footer, spacing="4", width="100%"),
            width="100%",
            max_width="24em",
        ),
        padding_top="10vh",
    )


def auth_page(
    title: str,
    fields: list[rx.Component],
    state: type[AuthFormState],
    submit_label: str,
    footer: rx.Component,
) -> rx.Component:
    """A sign-in style page: `fields`, the state's error, and a submit button.

    The button waits for hydration: a form sent before it would be a plain GET, putting the
    password into the URL.
    """
    form = rx.form(
        rx.vstack(
            *fields,
            messages(state.error),
            rx.button(
                submit_label,
                type="submit",
                loading=state.busy,
                width="100%",
                disabled=~rx.State.is_hydrated,
            ),
            spacing="3",
        ),
        on_submit=[state.start, state.submit],
        reset_on_submit=False,
    )
    return form_card(title, form, footer)
