"""/invitations/<token>: what an invitation offers, and joining the team (signed in as the
address it is for)."""

from functools import partial

import reflex as rx

from review_app import routes
from review_app.components.messages import messages
from review_app.components.page import page
from review_app.services.errors import ServiceError
from review_app.services.teams import invitations
from review_app.state.session import SessionState


class InvitationState(rx.State):
    """The invitation of the page's link."""

    team_name: str = ""
    email: str = ""
    role: str = ""
    error: str = ""

    @rx.event
    async def load(self) -> None:
        """Show what the link offers, or why it does not work."""
        self.team_name, self.email, self.role, self.error = "", "", "", ""
        try:
            user = await (await self.get_state(SessionState))._current_user()
            offer = await rx.run_in_thread(
                partial(invitations.preview, actor=user, token=self._token())
            )
        except ServiceError as error:
            self.error = str(error)
            return
        self.team_name, self.email, self.role = offer.team_name, offer.email, offer.role.value

    @rx.event
    async def accept(self):
        """Join the team, and open it."""
        self.error = ""
        try:
            user = await (await self.get_state(SessionState))._current_user()
            team = await rx.run_in_thread(
                partial(invitations.accept, actor=user, token=self._token())
            )
        except ServiceError as error:
            self.error = str(error)
            return None
        return rx.redirect(routes.team_url(team.id))

    def _token(self) -> str:
        return self.router.page.params.get("invitation_token", "")[:100]


@page(routes.INVITATION, "Invitation", on_load=[InvitationState.load])
def invitation_page() -> rx.Component:
    """Join a team by its invitation link."""
    return rx.vstack(
        rx.heading("Invitation", size="6"),
        rx.cond(
            InvitationState.team_name != "",
            rx.vstack(
                rx.text(
                    "You are invited to join ",
                    rx.text.strong(InvitationState.team_name),
                    " as a ",
                    InvitationState.role,
                    " (for ",
                    InvitationState.email,
                    ").",
                ),
                rx.button("Join team", on_click=InvitationState.accept),
            ),
        ),
        messages(InvitationState.error),
        rx.link("Your teams", href=routes.TEAMS),
        spacing="4",
    )
