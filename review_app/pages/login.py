"""/login: sign in, then go where the visitor was headed."""

from functools import partial

import reflex as rx

from review_app import routes
from review_app.components.layout import frame
from review_app.components.messages import messages
from review_app.pages.auth_forms import field, form_card, start_session
from review_app.services import auth, rate_limits
from review_app.state.session import safe_next


class LoginState(rx.State):
    """The login form's error and progress."""

    error: str = ""
    busy: bool = False

    @rx.event
    def start(self) -> None:
        """Show that the form is being checked."""
        self.error = ""
        self.busy = True

    @rx.event
    async def submit(self, form: dict[str, str]):
        """Check the credentials (rate limited per IP) and start the session."""
        login = partial(auth.login, email=form.get("email", ""), password=form.get("password", ""))
        self.error = await start_session(self, rate_limits.Rule.LOGIN, login)
        self.busy = False
        if self.error:
            return None
        return rx.redirect(safe_next(self.router.url.query_parameters.get("next")))


def login_page() -> rx.Component:
    """The sign-in form."""
    form = rx.form(
        rx.vstack(
            field("Email", "email", "email", "username"),
            field("Password", "password", "password", "current-password"),
            messages(LoginState.error),
            rx.button(
                "Sign in",
                type="submit",
                loading=LoginState.busy,
                width="100%",
                disabled=~rx.State.is_hydrated,
            ),
            spacing="3",
        ),
        on_submit=[LoginState.start, LoginState.submit],
        reset_on_submit=False,
    )
    footer = rx.text("No account yet? ", rx.link("Create one", href=routes.REGISTER), size="2")
    return frame(form_card("Sign in", form, footer))
