"""The team a page has open: its members and roles, its invitations, and its projects.

What each button may do is the services' to decide; the page only hides the controls a role
could not use, and shows any refusal as the services word it.
"""

import dataclasses
import uuid
from collections.abc import Callable
from functools import partial
from typing import Any

import reflex as rx

from review_app import routes
from review_app.models import TeamRole
from review_app.review.errors import InvalidSubmissionError
from review_app.services.accounts.identity import CurrentUser
from review_app.services.errors import ServiceError
from review_app.services.projects import store as projects
from review_app.services.teams import invitations, membership, workspace_config
from review_app.services.teams.views import TeamDetail
from review_app.state.session import SessionState
from review_app.state.timestamps import shown_time

GIVEN_ROLES = [TeamRole.MAINTAINER.value, TeamRole.MEMBER.value, TeamRole.VIEWER.value]


@dataclasses.dataclass
class MemberRow:
    """A member as the team page lists them, and what the viewer may do to them."""

    user_id: str
    email: str
    role: str
    joined: str
    manageable: bool  # the viewer may change their role or remove them
    transferable: bool  # the viewer, the owner, may make them owner


@dataclasses.dataclass
class InvitationRow:
    """An invitation not yet accepted."""

    id: str
    email: str
    role: str
    expires: str


@dataclasses.dataclass
class TeamProjectRow:
    """One of the team's projects."""

    id: str
    name: str
    files: int


class TeamState(rx.State):
    """The open team."""

    team_id: str = ""
    name: str = ""
    my_role: str = ""
    not_found: bool = False
    members: list[MemberRow] = []
    invitations: list[InvitationRow] = []
    projects: list[TeamProjectRow] = []
    invite_link: str = ""  # shown once, after inviting
    rules: str = ""  # the team's rule configuration
    rules_may_edit: bool = False
    rules_updated: str = ""
    error: str = ""
    notice: str = ""

    @rx.var
    def may_invite(self) -> bool:
        """Whether the viewer's role may invite people (maintainer or owner)."""
        return self.my_role in (TeamRole.OWNER.value, TeamRole.MAINTAINER.value)

    @rx.event
    async def load(self) -> None:
        """Open the team named in the URL."""
        self.error, self.notice, self.invite_link = "", "", ""
        self.team_id = self.router.page.params.get("team_id", "")
        user = await self._user()
        if user is not None:
            await self._read(user)

    @rx.event
    async def invite(self, form: dict) -> None:
        """Invite the address in the form; the link to give them is shown once."""
        email, role = str(form.get("email", ""))[:320], str(form.get("role", "member"))
        role = role if role in GIVEN_ROLES else TeamRole.MEMBER.value
        issued = await self._act(
            partial(invitations.invite, email=email, role=TeamRole(role)), "Invitation made."
        )
        if issued is not None:
            self.invite_link = self.router.url.origin + routes.invitation_url(issued.token)

    @rx.event
    async def save_rules(self, form: dict) -> None:
        """Keep the team's rule configuration (checked first)."""
        text = str(form.get("text", ""))[: workspace_config.MAX_CONFIG_CHARACTERS + 1]
        await self._act(partial(workspace_config.save_config, text=text), "Rules saved.")

    @rx.event
    async def withdraw(self, invitation_id: str) -> None:
        """Withdraw an invitation: its link stops working."""
        call = partial(invitations.withdraw, invitation_id=uuid.UUID(invitation_id))
        await self._act(call, "Invitation withdrawn.")

    @rx.event
    async def change_role(self, user_id: str, role: str) -> None:
        """Give a member another role."""
        if role in GIVEN_ROLES:
            call = partial(membership.change_role, user_id=uuid.UUID(user_id), role=TeamRole(role))
            await self._act(call, f"Role changed to {role}.")

    @rx.event
    async def remove(self, user_id: str) -> None:
        """Remove a member from the team."""
        await self._act(partial(membership.remove_member, user_id=uuid.UUID(user_id)), "Removed.")

    @rx.event
    async def transfer(self, user_id: str) -> None:
        """Make a member the owner; the viewer stays on as a maintainer."""
        call = partial(membership.transfer_ownership, user_id=uuid.UUID(user_id))
        await self._act(call, "Ownership transferred.")

    @rx.event
    async def leave(self):
        """Leave the team and go back to the list of teams."""
        await self._act(_leave, "")
        return None if self.error else rx.redirect(routes.TEAMS)

    async def _user(self) -> CurrentUser | None:
        try:
            return await (await self.get_state(SessionState))._current_user()
        except ServiceError as error:
            self.error = str(error)
            return None

    async def _act(self, call: Callable[..., Any], notice: str) -> Any:
        """Run a service call as the viewer on this team, then show the team as it is now."""
        self.error, self.notice, self.invite_link = "", "", ""
        user = await self._user()
        if user is None:
            return None
        try:
            result = await rx.run_in_thread(
                partial(call, actor=user, team_id=uuid.UUID(self.team_id))
            )
        except (ServiceError, InvalidSubmissionError) as error:
            self.error = str(error)
            result = None
        else:
            self.notice = notice
        await self._read(user)
        return result

    async def _read(self, user: CurrentUser) -> None:
        """Show the team, its projects and rules as `user` may see them."""
        try:
            team_id = uuid.UUID(self.team_id)
            team = await rx.run_in_thread(partial(membership.get_team, actor=user, team_id=team_id))
            listing = await rx.run_in_thread(
                partial(projects.list_projects, user_id=user.id, team_id=team_id)
            )
            rules = await rx.run_in_thread(
                partial(workspace_config.read_config, actor=user, team_id=team_id)
            )
        except (ServiceError, ValueError):
            self.not_found, self.name, self.members = True, "", []
            return
        self.not_found = False
        self._show(team, user.id)
        self.rules, self.rules_may_edit = rules.text, rules.may_edit
        self.rules_updated = (
            f"Saved by {rules.updated_by}, {shown_time(rules.updated_at)}"
            if rules.updated_at
            else ""
        )
        self.projects = [
            TeamProjectRow(id=str(item.id), name=item.name, files=item.file_count)
            for item in listing.items
        ]

    def _show(self, team: TeamDetail, viewer: uuid.UUID) -> None:
        self.name, self.my_role = team.name, team.role.value
        self.members = [
            MemberRow(
                user_id=str(member.user_id),
                email=member.email,
                role=member.role.value,
                joined=shown_time(member.joined_at),
                manageable=member.user_id != viewer
                and member.role != TeamRole.OWNER
                and membership.may_manage(team.role, member.role),
                transferable=team.role == TeamRole.OWNER and member.user_id != viewer,
            )
            for member in team.members
        ]
        self.invitations = [
            InvitationRow(
                id=str(item.id),
                email=item.email,
                role=item.role.value,
                expires=shown_time(item.expires_at),
            )
            for item in team.invitations
        ]


def _leave(*, actor: CurrentUser, team_id: uuid.UUID) -> None:
    """The actor leaves the team."""
    membership.remove_member(actor=actor, team_id=team_id, user_id=actor.id)
