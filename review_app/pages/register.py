"""/register: create an account, then sign in at once."""

from functools import partial

import reflex as rx

from review_app import routes
from review_app.components.layout import frame
from review_app.db import session_scope
from review_app.pages.auth_forms import error_callout, field, form_card
from review_app.services import accounts, auth, rate_limits
from review_app.services.errors import ServiceError
from review_app.state.session import SessionState, client_ip_of


def _register_and_login(email: str, password: str, ip: str) -> auth.TokenPair:
    with session_scope() as session:
        accounts.register_user(session=session, email=email, password=password)
    return auth.login(email=email, password=password, ip=ip)


class RegisterState(rx.State):
    """The registration form's error and progress."""

    error: str = ""
    busy: bool = False

    @rx.event
    def start(self) -> None:
        """Show that the form is being checked."""
        self.error = ""
        self.busy = True

    @rx.event
    async def submit(self, form: dict[str, str]):
        """Create the account (rate limited per IP), sign in, go to the editor."""
        ip = client_ip_of(self.router)
        password = form.get("password", "")
        try:
            if password != form.get("confirm", ""):
                raise ServiceError("The two passwords differ.")
            await rate_limits.enforce(rate_limits.Rule.REGISTER, f"ip:{ip}", fail_closed=True)
            pair = await rx.run_in_thread(
                partial(_register_and_login, form.get("email", ""), password, ip)
            )
            await (await self.get_state(SessionState))._sign_in(pair)
        except ServiceError as error:
            self.error = str(error)
            return None
        finally:
            self.busy = False
        return rx.redirect(routes.EDITOR)


def register_page() -> rx.Component:
    """The registration form."""
    form = rx.form(
        rx.vstack(
            field("Email", "email", "email", "username"),
            field("Password (at least 8 characters)", "password", "password", "new-password"),
            field("Repeat the password", "confirm", "password", "new-password"),
            error_callout(RegisterState.error),
            rx.button("Create account", type="submit", loading=RegisterState.busy, width="100%"),
            spacing="3",
        ),
        on_submit=[RegisterState.start, RegisterState.submit],
        reset_on_submit=False,
    )
    footer = rx.text("Have an account? ", rx.link("Sign in", href=routes.LOGIN), size="2")
    return frame(form_card("Create an account", form, footer))
