"""/register: create an account, then sign in at once."""

from functools import partial

import reflex as rx

from review_app import routes
from review_app.db import session_scope
from review_app.pages.auth_forms import AuthFormState, auth_page, field, start_session
from review_app.services import accounts, auth, rate_limits


def _register_and_login(email: str, password: str, *, ip: str) -> auth.TokenPair:
    with session_scope() as session:
        accounts.register_user(session=session, email=email, password=password)
    return auth.login(email=email, password=password, ip=ip)


class RegisterState(AuthFormState, rx.State):
    """The registration form."""

    @rx.event
    async def submit(self, form: dict[str, str]):
        """Create the account (rate limited per IP), sign in, go to the editor."""
        password = form.get("password", "")
        if password != form.get("confirm", ""):
            self.error = "The two passwords differ."
        else:
            register = partial(_register_and_login, form.get("email", ""), password)
            self.error = await start_session(self, rate_limits.Rule.REGISTER, register)
        self.busy = False
        return None if self.error else rx.redirect(routes.EDITOR)


def register_page() -> rx.Component:
    """The registration form."""
    fields = [
        field("Email", "email", "email", "username"),
        field("Password (at least 8 characters)", "password", "password", "new-password"),
        field("Repeat the password", "confirm", "password", "new-password"),
    ]
    footer = rx.text("Have an account? ", rx.link("Sign in", href=routes.LOGIN), size="2")
    return auth_page("Create an account", fields, RegisterState, "Create account", footer)
