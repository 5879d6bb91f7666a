"""/teams: the user's teams with their role in each, and a new team."""

import dataclasses
from functools import partial

import reflex as rx

from review_app import routes
from review_app.components.labeled import labeled
from review_app.components.messages import messages
from review_app.components.page import page
from review_app.components.table import listing_table
from review_app.review.errors import InvalidSubmissionError
from review_app.services.errors import ServiceError
from review_app.services.names import MAX_NAME_LENGTH
from review_app.services.teams import membership
from review_app.services.teams.views import TeamSummary
from review_app.state.session import SessionState

COLUMNS = ("Team", "Your role", "Members")


@dataclasses.dataclass
class TeamRow:
    """One team as the list shows it."""

    id: str
    name: str
    role: str
    members: int

    @classmethod
    def of(cls, team: TeamSummary) -> "TeamRow":
        """The row of a team summary."""
        return cls(id=str(team.id), name=team.name, role=team.role.value, members=team.member_count)


class TeamsState(rx.State):
    """The user's teams and the form for a new one."""

    rows: list[TeamRow] = []
    error: str = ""

    @rx.event
    async def load(self) -> None:
        """Read the user's teams."""
        try:
            user = await (await self.get_state(SessionState))._current_user()
            teams = await rx.run_in_thread(partial(membership.list_teams, actor=user))
        except ServiceError as error:
            self.error = str(error)
            return
        self.rows = [TeamRow.of(team) for team in teams]

    @rx.event
    async def create(self, form: dict):
        """Make the team named in the form, with the user as its owner, and open it."""
        self.error = ""
        try:
            user = await (await self.get_state(SessionState))._current_user()
            name = str(form.get("name", ""))[: MAX_NAME_LENGTH + 1]
            team = await rx.run_in_thread(partial(membership.create_team, actor=user, name=name))
        except (ServiceError, InvalidSubmissionError) as error:
            self.error = str(error)
            return None
        return rx.redirect(routes.team_url(team.id))


def _row(row: TeamRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.link(row.name, href=routes.team_url(row.id))),
        rx.table.cell(row.role),
        rx.table.cell(row.members),
        class_name="team-row",
    )


@page(routes.TEAMS, "Teams", on_load=[TeamsState.load], nav=(2, "Teams"))
def teams_page() -> rx.Component:
    """The user's teams, and a new one."""
    return rx.vstack(
        rx.heading("Teams", size="6"),
        rx.text(
            "A team shares its projects and their reviews with its members: the owner and "
            "maintainers invite people by a link, members review, viewers read.",
            color_scheme="gray",
        ),
        rx.form(
            rx.hstack(
                labeled("Team name", rx.input(name="name", max_length=MAX_NAME_LENGTH)),
                rx.button("Create team", type="submit"),
                align="end",
                spacing="3",
            ),
            on_submit=TeamsState.create,
        ),
        messages(TeamsState.error),
        listing_table("Your teams", COLUMNS, TeamsState.rows, _row),
        spacing="4",
        width="100%",
    )
