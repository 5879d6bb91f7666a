"""A team's triage of a project's findings: `/api/projects/{id}/decisions` on single findings,
`/api/projects/{id}/baseline` accepting every finding of a review."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from review_app.api.deps import SignedInUser
from review_app.models import DecisionKind
from review_app.services.projects import baselines, decisions
from review_app.services.projects.baselines import BaselineView
from review_app.services.projects.decisions import MAX_COMMENT_LENGTH, DecisionView

router = APIRouter(prefix="/api/projects/{project_id}/decisions", tags=["projects"])
DecisionId = Annotated[int, Path(ge=1, le=2**31 - 1)]
baseline_router = APIRouter(prefix="/api/projects/{project_id}/baseline", tags=["projects"])
_VIEWER = {403: {"description": "A viewer of the project's team."}}
_BELOW_MAINTAINER = {403: {"description": "A member or viewer of the project's team."}}


class NewDecision(BaseModel):
    """A decision on one finding of a file review of the project."""

    review_id: uuid.UUID = Field(
        description="The file's review: a file of a review of the project, or of a change"
        " review against it (the finding then lands on the change's base project)."
    )
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
    """Mark a finding false positive, won't fix or accepted risk (again: replaces). A finding
    of a change review is decided on the change's base project (`project_id` of the answer), so
    the decision holds in the base's later reviews and in every change against it."""
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


class NewBaseline(BaseModel):
    """Which review's findings to accept."""

    project_review_id: uuid.UUID | None = Field(
        default=None,
        description="A completed review of all the project's files (default: the latest).",
    )


@baseline_router.get("", responses={404: {"description": "No such project of yours."}})
async def baseline(project_id: uuid.UUID, user: SignedInUser) -> BaselineView | None:
    """The project's baseline (null: none): the findings later reviews hide until they change."""
    return await run_in_threadpool(baselines.get_baseline, user_id=user.id, project_id=project_id)


@baseline_router.put(
    "",
    responses={
        **_BELOW_MAINTAINER,
        404: {"description": "No such project of yours, or review of all its files."},
        409: {"description": "The review named is not finished."},
    },
)
async def set_baseline(
    project_id: uuid.UUID, user: SignedInUser, body: NewBaseline | None = None
) -> BaselineView:
    """Accept every finding of a review: later reviews hide them until their line changes."""
    return await run_in_threadpool(
        baselines.set_baseline,
        user_id=user.id,
        project_id=project_id,
        project_review_id=body.project_review_id if body else None,
    )


@baseline_router.delete(
    "",
    status_code=204,
    responses={
        **_BELOW_MAINTAINER,
        404: {"description": "No such project of yours, or it has no baseline."},
    },
)
async def clear_baseline(project_id: uuid.UUID, user: SignedInUser) -> Response:
    """Drop the project's baseline: every finding shows again."""
    await run_in_threadpool(baselines.clear_baseline, user_id=user.id, project_id=project_id)
    return Response(status_code=204)
