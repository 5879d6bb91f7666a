"""`/api/projects/{id}/decisions`: a team's decisions on a project's findings."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from review_app.api.deps import SignedInUser
from review_app.models import DecisionKind
from review_app.services.projects import decisions
from review_app.services.projects.decisions import MAX_COMMENT_LENGTH, DecisionView

router = APIRouter(prefix="/api/projects/{project_id}/decisions", tags=["projects"])
DecisionId = Annotated[int, Path(ge=1, le=2**31 - 1)]
_VIEWER = {403: {"description": "A viewer of the project's team."}}


class NewDecision(BaseModel):
    """A decision on one finding of a file review of the project."""

    review_id: uuid.UUID = Field(description="The file's review (a project review's file).")
    finding: int = Field(ge=0, le=100_000, description="The finding's index in that review.")
    kind: DecisionKind
    comment: str = Field(default="", max_length=MAX_COMMENT_LENGTH)


@router.get("", responses={404: {"description": "No such project of yours."}})
async def listing(project_id: uuid.UUID, user: SignedInUser) -> list[DecisionView]:
    """The project's decisions: they hold in every later review of it, wherever lines move."""
    return await run_in_threadpool(decisions.list_decisions, user_id=user.id, project_id=project_id)


@router.post(
    "",
    status_code=201,
    responses={
        **_VIEWER,
        404: {"description": "No such project of yours, finished file review of it, or finding."},
    },
)
async def decide(project_id: uuid.UUID, body: NewDecision, user: SignedInUser) -> DecisionView:
    """Mark a finding false positive, won't fix or accepted risk (again: replaces)."""
    return await run_in_threadpool(
        decisions.decide,
        user_id=user.id,
        project_id=project_id,
        review_id=body.review_id,
        finding=body.finding,
        kind=body.kind,
        comment=body.comment,
    )


@router.delete(
    "/{decision_id}",
    status_code=204,
    responses={**_VIEWER, 404: {"description": "No such project of yours, or decision on it."}},
)
async def withdraw(project_id: uuid.UUID, decision_id: DecisionId, user: SignedInUser) -> Response:
    """Take a decision back: its finding counts again."""
    await run_in_threadpool(
        decisions.withdraw, user_id=user.id, project_id=project_id, decision_id=decision_id
    )
    return Response(status_code=204)
