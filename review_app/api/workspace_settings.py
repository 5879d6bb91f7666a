"""`/api/users/me/settings` and `/api/teams/{id}/settings`: a workspace's rule configuration,
in review_app.toml's format (a project's own review_app.toml is laid over it)."""

import uuid

from fastapi import APIRouter
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from review_app.api.deps import SignedInUser
from review_app.services.teams import workspace_config
from review_app.services.teams.workspace_config import MAX_CONFIG_CHARACTERS, WorkspaceConfigView

router = APIRouter(tags=["settings"])
_INVALID = {422: {"description": "Not TOML, or a key or value review_app does not know."}}
_NO_TEAM = {404: {"description": "No such team of yours."}}


class ConfigText(BaseModel):
    """The whole configuration, replacing the one kept."""

    text: str = Field(max_length=MAX_CONFIG_CHARACTERS, examples=['[rules]\ndisable = ["F401"]\n'])


@router.get("/api/users/me/settings")
async def personal(user: SignedInUser) -> WorkspaceConfigView:
    """Your rule configuration for your personal projects and editor reviews."""
    return await run_in_threadpool(workspace_config.read_config, actor=user)


@router.put("/api/users/me/settings", responses=_INVALID)
async def save_personal(body: ConfigText, user: SignedInUser) -> WorkspaceConfigView:
    """Replace your rule configuration (checked first; nothing is kept if it is not valid)."""
    return await run_in_threadpool(workspace_config.save_config, actor=user, text=body.text)


@router.get("/api/teams/{team_id}/settings", responses=_NO_TEAM)
async def team(team_id: uuid.UUID, user: SignedInUser) -> WorkspaceConfigView:
    """The team's rule configuration for its projects (any member reads it)."""
    return await run_in_threadpool(workspace_config.read_config, actor=user, team_id=team_id)


@router.put(
    "/api/teams/{team_id}/settings",
    responses={
        **_NO_TEAM,
        **_INVALID,
        403: {"description": "Only a maintainer or the owner changes the team's rules."},
    },
)
async def save_team(
    team_id: uuid.UUID, body: ConfigText, user: SignedInUser
) -> WorkspaceConfigView:
    """Replace the team's rule configuration (checked first; nothing is kept if not valid)."""
    return await run_in_threadpool(
        workspace_config.save_config, actor=user, text=body.text, team_id=team_id
    )
