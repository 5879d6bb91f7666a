"""`/api/projects/{id}/reviews`: review a whole project, follow it, read and export the result."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Body, Query, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from review_app.api.deps import SignedInUser
from review_app.api.exports import DOCUMENT_RESPONSE, FormatParameter, attachment
from review_app.api.queries import PageLimit, PageOffset
from review_app.exports import ExportFormat
from review_app.review.models import Severity
from review_app.services.paging import DEFAULT_PAGE_SIZE
from review_app.services.projects import changes, review_reading, reviewing
from review_app.services.projects.review_views import (
    ProjectReviewDetail,
    ProjectReviewPage,
    StartedProjectReview,
)

router = APIRouter(prefix="/api/projects/{project_id}/reviews", tags=["projects"])
_NO_REVIEW = {404: {"description": "No such review of a project of yours."}}


class ReviewRequest(BaseModel):
    """What to review: the whole project, or its change from a base project."""

    base_project_id: uuid.UUID | None = Field(
        default=None,
        description="Another project of yours, the version before: only the files that differ"
        " are reviewed, in both versions, and findings are sorted into new, fixed, unchanged.",
    )


@router.post(
    "",
    status_code=202,
    responses={
        403: {"description": "A viewer of the project's team."},
        404: {"description": "No such project (or base project) of yours."},
        422: {"description": "The project holds no file in a supported language."},
        429: {"description": "Too many project reviews started (RATE_LIMIT_PROJECT_REVIEW)."},
    },
)
async def start(
    project_id: uuid.UUID,
    user: SignedInUser,
    request: Annotated[ReviewRequest | None, Body()] = None,
) -> StartedProjectReview:
    """Review every file of the project in a supported language, in parallel (or, with a
    base project, the change from it); files reviewed before with the same content come from
    the cache. Follow it with GET on its id."""
    return await run_in_threadpool(
        reviewing.start_project_review,
        user_id=user.id,
        project_id=project_id,
        base_project_id=request.base_project_id if request else None,
    )


@router.get("", responses={404: {"description": "No such project of yours."}})
async def listing(
    project_id: uuid.UUID,
    user: SignedInUser,
    limit: PageLimit = DEFAULT_PAGE_SIZE,
    offset: PageOffset = 0,
) -> ProjectReviewPage:
    """The project's reviews, newest first."""
    return await run_in_threadpool(
        review_reading.list_project_reviews,
        user_id=user.id,
        project_id=project_id,
        limit=limit,
        offset=offset,
    )


@router.get("/{project_review_id}", responses=_NO_REVIEW)
async def project_review(
    project_id: uuid.UUID,
    project_review_id: uuid.UUID,
    user: SignedInUser,
    fail_on: Annotated[
        Severity | None, Query(description="Judge the completed review as a merge gate would.")
    ] = None,
) -> ProjectReviewDetail:
    """A project review: each file's state and review id, and once completed its summary
    (score, findings by severity, category and file, the worst files; for a change review the
    new, fixed and unchanged findings) and, with fail_on, the gate's verdict."""
    return await run_in_threadpool(
        review_reading.get_project_review,
        user_id=user.id,
        project_id=project_id,
        project_review_id=project_review_id,
        fail_on=fail_on,
    )


@router.get(
    "/{project_review_id}/export",
    response_class=Response,
    responses={
        **DOCUMENT_RESPONSE,
        **_NO_REVIEW,
        409: {"description": "Files are still being reviewed."},
    },
)
async def export(
    project_id: uuid.UUID,
    project_review_id: uuid.UUID,
    user: SignedInUser,
    export_format: FormatParameter = ExportFormat.JSON,
) -> Response:
    """Download a completed project review as one document: SARIF with one run and artifact
    paths from the project's root, Markdown for a pull-request comment, or JSON."""
    document = await run_in_threadpool(
        review_reading.export_project_review,
        user_id=user.id,
        project_id=project_id,
        project_review_id=project_review_id,
        export_format=export_format,
    )
    return attachment(document)


class DiffRequest(BaseModel):
    """A change as a unified diff against the project (what `git diff` prints)."""

    diff: str = Field(
        min_length=1, description="Applied exactly: a hunk that does not match refuses the change."
    )


changes_router = APIRouter(prefix="/api/projects/{project_id}/changes", tags=["projects"])


@changes_router.post(
    "",
    status_code=202,
    responses={
        403: {"description": "A viewer of the project's team."},
        404: {"description": "No such project of yours."},
        413: {"description": "The changed project would pass MAX_PROJECT_BYTES or _FILES."},
        422: {
            "description": "Not a unified diff, a path that is unsafe, or a hunk that does"
            " not apply to the project's file."
        },
        429: {"description": "Too many projects or project reviews (RATE_LIMIT_PROJECT, _REVIEW)."},
    },
)
async def review_change(
    project_id: uuid.UUID, user: SignedInUser, request: DiffRequest
) -> StartedProjectReview:
    """Apply a unified diff to the project into a new project (its id: `project_id` of the
    answer) and review the change: only the files the diff touches, findings new, fixed or
    unchanged. Follow it at /api/projects/{new id}/reviews/{id}."""
    return await run_in_threadpool(
        changes.review_diff, user_id=user.id, base_project_id=project_id, diff=request.diff
    )
