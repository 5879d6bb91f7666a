"""A user's finished review as a downloadable document (SARIF, Markdown or JSON)."""

import re
import uuid
from pathlib import PurePosixPath

from pydantic import BaseModel

from review_app.exports import ExportFormat, FileReview, render_export
from review_app.models import ReviewStatus
from review_app.review.languages import submission_filename
from review_app.services.errors import ReviewNotFinishedError
from review_app.services.reviews.submissions import get_review
from review_app.services.reviews.views import ReviewDetail

_UNSAFE_IN_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")


class ExportedReview(BaseModel):
    """A document to download: its file name, Content-Type and text."""

    filename: str
    media_type: str
    content: str


def export_review(
    *, user_id: uuid.UUID, review_id: uuid.UUID, export_format: ExportFormat
) -> ExportedReview:
    """One of the user's completed reviews as a document.

    Raises:
        NotFoundError: no such review, or it belongs to someone else.
        ReviewNotFinishedError: the review is still queued or running, or it failed.
    """
    detail = get_review(user_id=user_id, review_id=review_id)
    if detail.status is ReviewStatus.FAILED:
        reason = detail.error or "no reason was recorded"
        raise ReviewNotFinishedError(f"The review failed, so there is nothing to export: {reason}")
    if detail.result is None:
        raise ReviewNotFinishedError(
            f"The review is not finished yet ({detail.status.value}, {detail.progress}%); "
            "export it once it has completed."
        )
    path = detail.filename or submission_filename(detail.language)
    document = render_export(
        [FileReview(path=path, code=detail.code, result=detail.result, review_id=detail.id)],
        export_format,
    )
    return ExportedReview(
        filename=download_name(detail, export_format),
        media_type=export_format.media_type,
        content=document,
    )


def download_name(detail: ReviewDetail, export_format: ExportFormat) -> str:
    """`<file>-review-<id prefix>.<ext>`, safe in a Content-Disposition header."""
    stem = safe_stem(detail.filename or "")
    return f"{stem}-review-{detail.id.hex[:8]}.{export_format.extension}"


def safe_stem(name: str) -> str:
    """The last part of a file (or project) name, in characters safe in a download's name."""
    stem = PurePosixPath(name.replace("\\", "/")).name
    return _UNSAFE_IN_FILENAME.sub("_", stem).strip("._") or "code"
