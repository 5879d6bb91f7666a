"""`GET /api/reviews/{id}/export`: a finished review as SARIF, Markdown or JSON to download."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response
from starlette.concurrency import run_in_threadpool

from review_app.api.deps import SignedInUser
from review_app.exports import ExportFormat
from review_app.services.reviews.downloads import ExportedReview, export_review

router = APIRouter(prefix="/api/reviews", tags=["reviews"])

_CONTENT = {fmt.media_type: {"schema": {"type": "string"}} for fmt in ExportFormat}
DOCUMENT_RESPONSE = {200: {"content": _CONTENT, "description": "The document, as an attachment."}}
FormatParameter = Annotated[
    ExportFormat,
    Query(alias="format", description="sarif (code scanning), markdown (PR comment), json"),
]


@router.get(
    "/{review_id}/export",
    response_class=Response,
    responses={
        **DOCUMENT_RESPONSE,
        404: {"description": "No such review of yours."},
        409: {"description": "The review is still queued or running, or it failed."},
    },
)
async def export(
    review_id: uuid.UUID,
    user: SignedInUser,
    export_format: FormatParameter = ExportFormat.JSON,
) -> Response:
    """Download a completed review; a whole project: its project review's export."""
    document = await run_in_threadpool(
        export_review, user_id=user.id, review_id=review_id, export_format=export_format
    )
    return attachment(document)


def attachment(document: ExportedReview) -> Response:
    """The document as a download."""
    disposition = f'attachment; filename="{document.filename}"'
    return Response(
        document.content,
        media_type=document.media_type,
        headers={"Content-Disposition": disposition},
    )
