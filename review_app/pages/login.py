"""/login: sign in, then go where the visitor was headed."""

from functools import partial

import reflex as rx

from review_app import routes
from review_app.components.page import page
from review_app.pages.auth_forms import AuthFormState, auth_page, field, start_session
from review_app.services.accounts import auth


class LoginState(AuthFormState, rx.State):
    """The login form."""

    @rx.event
    async def submit(self, form: dict[str, str]) -> None:
        """Check the credentials and start the session (which then goes where asked)."""
        login = partial(auth.login, email=form.get("email", ""), password=form.get("password", ""))
        destination = routes.local_path(self.router.url.query_parameters.get("next"))
        self.error = await start_session(self, login, destination)
        self.busy = False


@page(routes.LOGIN, "Sign in", public=True)
def login_page() -> rx.Component:
    """The sign-in form."""
    fields = [
        field("Email", "email", "email", "username"),
        field("Password", "password", "password", "current-password"),
    ]
    footer = rx.text("No account yet? ", rx.link("Create one", href=routes.REGISTER), size="2")
    return auth_page("Sign in", fields, LoginState, "Sign in", footer)
