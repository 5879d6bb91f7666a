"""/register: create an account, then sign in at once."""

from functools import partial

import reflex as rx

from review_app import routes
from review_app.components.page import page
from review_app.pages.auth_forms import AuthFormState, auth_page, field, start_session
from review_app.services.accounts import auth


class RegisterState(AuthFormState, rx.State):
    """The registration form."""

    @rx.event
    async def submit(self, form: dict[str, str]) -> None:
        """Create the account and sign in (the session then goes to the editor)."""
        password = form.get("password", "")
        if password != form.get("confirm", ""):
            self.error = "The two passwords differ."
        else:
            register = partial(
                auth.register_and_sign_in, email=form.get("email", ""), password=password
            )
            self.error = await start_session(self, register, routes.EDITOR)
        self.busy = False


@page(routes.REGISTER, "Create an account", public=True)
def register_page() -> rx.Component:
    """The registration form."""
    fields = [
        field("Email", "email", "email", "username"),
        field("Password (at least 8 characters)", "password", "password", "new-password"),
        field("Repeat the password", "confirm", "password", "new-password"),
    ]
    footer = rx.text("Have an account? ", rx.link("Sign in", href=routes.LOGIN), size="2")
    return auth_page("Create an account", fields, RegisterState, "Create account", footer)
