"""`GET /api/reviews/{id}/export`: a finished review as SARIF, Markdown or JSON to download."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response
from starlette.concurrency import run_in_threadpool

from review_app.api.deps import SignedInUser
from review_app.exports import ExportFormat
from review_app.services.reviews.downloads import export_review

router = APIRouter(prefix="/api/reviews", tags=["reviews"])

_CONTENT = {fmt.media_type: {"schema": {"type": "string"}} for fmt in ExportFormat}


@router.get(
    "/{review_id}/export",
    response_class=Response,
    responses={
        200: {"content": _CONTENT, "description": "The document, as an attachment."},
        404: {"description": "No such review of yours."},
        409: {"description": "The review is still queued or running, or it failed."},
    },
)
async def export(
    review_id: uuid.UUID,
    user: SignedInUser,
    export_format: Annotated[
        ExportFormat,
        Query(alias="format", description="sarif (code scanning), markdown (PR comment), json"),
    ] = ExportFormat.JSON,
) -> Response:
    """Download a completed review; several files at once: the `review-app` command line."""
    document = await run_in_threadpool(
        export_review, user_id=user.id, review_id=review_id, export_format=export_format
    )
    disposition = f'attachment; filename="{document.filename}"'
    return Response(
        document.content,
        media_type=document.media_type,
        headers={"Content-Disposition": disposition},
    )
