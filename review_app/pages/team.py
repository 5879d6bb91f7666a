"""/teams/<id>: one team's members and roles, its pending invitations, and its projects."""

import reflex as rx

from review_app import routes
from review_app.components.labeled import labeled
from review_app.components.messages import messages, not_found
from review_app.components.page import page
from review_app.components.rules_form import rules_form
from review_app.components.table import listing_table
from review_app.models import TeamRole
from review_app.state.rule_trial import RuleTrialState
from review_app.state.team_activity import ActivityRow, TeamActivityState
from review_app.state.team_view import (
    GIVEN_ROLES,
    InvitationRow,
    MemberRow,
    TeamProjectRow,
    TeamState,
)


def _member(row: MemberRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row.email),
        rx.table.cell(
            rx.cond(
                row.manageable,
                rx.select(
                    GIVEN_ROLES,
                    value=row.role,
                    on_change=lambda role: TeamState.change_role(row.user_id, role),
                    aria_label="Role of " + row.email,
                    size="1",
                ),
                rx.text(row.role),
            )
        ),
        rx.table.cell(row.joined),
        rx.table.cell(
            rx.hstack(
                rx.cond(
                    row.transferable,
                    rx.button(
                        "Make owner",
                        on_click=TeamState.transfer(row.user_id),
                        size="1",
                        variant="soft",
                        aria_label="Make " + row.email + " the owner",
                    ),
                ),
                rx.cond(
                    row.manageable,
                    rx.button(
                        "Remove",
                        on_click=TeamState.remove(row.user_id),
                        size="1",
                        color_scheme="red",
                        variant="soft",
                        aria_label="Remove " + row.email,
                    ),
                ),
                spacing="2",
            )
        ),
        class_name="member-row",
    )


def _invitation(row: InvitationRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row.email),
        rx.table.cell(row.role),
        rx.table.cell(row.expires),
        rx.table.cell(
            rx.button(
                "Withdraw",
                on_click=TeamState.withdraw(row.id),
                size="1",
                variant="soft",
                aria_label="Withdraw the invitation of " + row.email,
            )
        ),
        class_name="invitation-row",
    )


def _project(row: TeamProjectRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.link(row.name, href=routes.project_url(row.id))),
        rx.table.cell(row.files),
        class_name="team-project-row",
    )


def _activity(row: ActivityRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.link(row.project, href=row.url)),
        rx.table.cell(row.status),
        rx.table.cell(row.progress),
        rx.table.cell(row.started),
        class_name="team-activity-row",
    )


def _invite_form() -> rx.Component:
    return rx.vstack(
        rx.heading("Invite someone", size="4"),
        rx.form(
            rx.hstack(
                labeled("Email", rx.input(name="email", type="email", max_length=320)),
                labeled(
                    "Role",
                    rx.select(
                        GIVEN_ROLES,
                        name="role",
                        default_value=TeamRole.MEMBER.value,
                        aria_label="Role",
                    ),
                ),
                rx.button("Invite", type="submit"),
                align="end",
                spacing="3",
                wrap="wrap",
            ),
            on_submit=TeamState.invite,
        ),
        rx.cond(
            TeamState.invite_link != "",
            rx.vstack(
                rx.text(
                    "Give this link to the person invited (it is shown only now; it works once,"
                    " for their address, for 7 days):"
                ),
                rx.code(TeamState.invite_link, id="invite-link", word_break="break-all"),
            ),
        ),
        rx.cond(
            TeamState.invitations.length() > 0,  # type: ignore[attr-defined]
            listing_table(
                "Invitations pending",
                ("Email", "Role", "Expires", ""),
                TeamState.invitations,
                _invitation,
            ),
        ),
        spacing="3",
        width="100%",
    )


def _team() -> rx.Component:
    return rx.vstack(
        rx.heading(TeamState.name, size="6"),
        rx.text("Your role: ", rx.text.strong(TeamState.my_role)),
        messages(TeamState.error, TeamState.notice),
        rx.heading("Members", size="4"),
        listing_table("Members", ("Email", "Role", "Joined", ""), TeamState.members, _member),
        rx.cond(TeamState.may_invite, _invite_form()),
        rx.heading("Rules", size="4"),
        rules_form(
            TeamState.rules, TeamState.rules_may_edit, TeamState.rules_updated, TeamState.save_rules
        ),
        rx.heading("Projects", size="4"),
        rx.text(
            "Create a team project on the Projects page by choosing this team.",
            color_scheme="gray",
        ),
        listing_table("Team projects", ("Project", "Files"), TeamState.projects, _project),
        rx.heading("Reviews", size="4"),
        rx.cond(
            TeamActivityState.rows.length() > 0,  # type: ignore[attr-defined]
            listing_table(
                "Reviews of the team's projects",
                ("Project", "State", "Progress", "Started"),
                TeamActivityState.rows,
                _activity,
            ),
            rx.text("No reviews of the team's projects yet.", color_scheme="gray"),
        ),
        rx.cond(
            TeamState.my_role != TeamRole.OWNER.value,
            rx.button("Leave team", on_click=TeamState.leave, color_scheme="red", variant="soft"),
        ),
        spacing="4",
        width="100%",
    )


@page(
    routes.TEAM,
    "Team",
    on_load=[TeamState.load, TeamActivityState.load, RuleTrialState.start],
)
def team_page() -> rx.Component:
    """One team of the user's."""
    return rx.cond(
        TeamState.not_found,
        not_found(
            "No such team",
            "There is no team with this address among yours.",
            "Your teams",
            routes.TEAMS,
        ),
        _team(),
    )
