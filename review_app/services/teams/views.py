"""What a user sees of a team: a row of their list, its members, its pending invitations."""

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from review_app.models import TeamRole


class TeamSummary(BaseModel):
    """One team of the user's, with the user's role in it."""

    id: uuid.UUID
    name: str
    created_at: datetime
    role: TeamRole = Field(description="Your role in the team.")
    member_count: int


class TeamMember(BaseModel):
    """A member of a team."""

    user_id: uuid.UUID
    email: str
    role: TeamRole
    joined_at: datetime


class PendingInvitation(BaseModel):
    """An invitation not yet accepted (its link is shown once, when it is made)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    role: TeamRole
    created_at: datetime
    expires_at: datetime


class TeamDetail(TeamSummary):
    """A team with its members (owner first) and, for maintainers and owners, the
    invitations pending."""

    members: list[TeamMember]
    invitations: list[PendingInvitation] = Field(
        default_factory=list, description="Empty unless you are a maintainer or the owner."
    )


class IssuedInvitation(PendingInvitation):
    """A new invitation and the token of its link: shown this once, never stored."""

    token: str = Field(description="Put in the link /invitations/<token>; valid once.")


class InvitationPreview(BaseModel):
    """What an invitation link offers, shown to the invited person before they accept."""

    team_name: str
    email: str
    role: TeamRole
    expires_at: datetime
