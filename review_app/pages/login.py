"""/login: sign in, then go where the visitor was headed."""

from functools import partial
from urllib.parse import urlencode

import reflex as rx

from review_app import routes
from review_app.api import sso as sso_routes
from review_app.components.page import page
from review_app.pages.auth_forms import AuthFormState, auth_page, field, start_session
from review_app.services.accounts import auth, sso
from review_app.services.errors import ServiceError
from review_app.state.session import client_ip_of


class LoginState(AuthFormState, rx.State):
    """The login form, and single sign-on when the server offers it."""

    sso_provider: str = ""  # "" : passwords only
    sso_start: str = ""

    @rx.event
    async def offer_sso(self) -> None:
        """On load: offer single sign-on, and say why it sent the browser back, if it did."""
        query = self.router.url.query_parameters
        destination = routes.local_path(query.get("next"))
        try:
            self.sso_provider = await rx.run_in_thread(
                partial(sso.offered, client_ip_of(self.router))
            )
        except ServiceError as error:
            self.error = str(error)
            return
        self.sso_start = f"{sso_routes.PREFIX}/start?{urlencode({'next': destination})}"
        self.error = sso.NOTICES.get(str(query.get("sso", "")), "")

    @rx.event
    async def submit(self, form: dict[str, str]) -> None:
        """Check the credentials and start the session (which then goes where asked)."""
        login = partial(auth.login, email=form.get("email", ""), password=form.get("password", ""))
        destination = routes.local_path(self.router.url.query_parameters.get("next"))
        self.error = await start_session(self, login, destination)
        self.busy = False


@page(routes.LOGIN, "Sign in", on_load=[LoginState.offer_sso], public=True)
def login_page() -> rx.Component:
    """The sign-in form, and a way through single sign-on when there is one."""
    fields = [
        field("Email", "email", "email", "username"),
        field("Password", "password", "password", "current-password"),
    ]
    single_sign_on = rx.cond(
        LoginState.sso_provider != "",
        rx.button(
            # The browser itself goes to the server's route (not the page's router), then on.
            rx.link(
                f"Sign in with {LoginState.sso_provider}",
                href=LoginState.sso_start,
                reload_document=True,
            ),
            variant="outline",
            width="100%",
            as_child=True,
        ),
    )
    footer = rx.vstack(
        single_sign_on,
        rx.text("No account yet? ", rx.link("Create one", href=routes.REGISTER), size="2"),
        width="100%",
    )
    return auth_page("Sign in", fields, LoginState, "Sign in", footer)
