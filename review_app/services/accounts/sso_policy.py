"""Teams that require single sign-on: their members cannot sign in with a password."""

import uuid

from sqlmodel import Session, select

from review_app.models import Membership, Team
from review_app.services.errors import AuthenticationError
from review_app.settings import get_settings


class SsoRequiredError(AuthenticationError):
    """A password sign-in of a member of a team that requires single sign-on."""

    def __init__(self, teams: list[str]) -> None:
        provider = get_settings().oidc_provider_name
        named = ", ".join(teams)
        super().__init__(f"Your team {named} requires single sign-on: sign in with {provider}.")


def teams_requiring_sso(session: Session, user_id: uuid.UUID) -> list[str]:
    """The names of the user's teams that require single sign-on, by name."""
    return list(
        session.exec(
            select(Team.name)
            .join(Membership, Membership.team_id == Team.id)
            .where(Membership.user_id == user_id, Team.sso_required)
            .order_by(Team.name)
        ).all()
    )
