"""`/api/reviews`: submit code for review, follow one review, list your history."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from review_app.api.deps import SignedInUser
from review_app.review.languages import SUPPORTED_LANGUAGES
from review_app.services.reviews import submissions as reviews
from review_app.services.reviews.views import ReviewDetail, ReviewPage, SubmittedReview

router = APIRouter(prefix="/api/reviews", tags=["reviews"])


class SubmitRequest(BaseModel):
    """Code to review; the language may be left out when the file name tells it."""

    language: str | None = Field(
        default=None, max_length=64, description=f"One of {', '.join(SUPPORTED_LANGUAGES)}."
    )
    code: str = Field(description="UTF-8 source text, at most MAX_CODE_BYTES bytes.")
    filename: str | None = Field(default=None, max_length=reviews.MAX_FILENAME_LENGTH)


@router.post(
    "",
    status_code=202,
    responses={
        413: {"description": "The code is larger than MAX_CODE_BYTES."},
        422: {"description": "Empty or binary code, or an unsupported language."},
        429: {"description": "Too many submissions (RATE_LIMIT_SUBMIT)."},
    },
)
async def submit(body: SubmitRequest, user: SignedInUser) -> SubmittedReview:
    """Queue a review, or complete it at once from the cache (`cached: true`)."""
    return await run_in_threadpool(
        reviews.submit_review,
        user_id=user.id,
        language=body.language,
        code=body.code,
        filename=body.filename,
    )


@router.get("", responses={422: {"description": "A filter or paging value is invalid."}})
async def history(
    user: SignedInUser,
    filters: Annotated[reviews.ReviewFilters, Query()],
    limit: int = reviews.DEFAULT_PAGE_SIZE,
    offset: int = 0,
) -> ReviewPage:
    """Your reviews, newest first; `limit` is at most 100; `filename` matches a substring."""
    return await run_in_threadpool(
        reviews.list_reviews, user_id=user.id, filters=filters, limit=limit, offset=offset
    )


@router.get("/{review_id}", responses={404: {"description": "No such review of yours."}})
async def review(review_id: uuid.UUID, user: SignedInUser) -> ReviewDetail:
    """One review: status, progress and stage, and the result once completed."""
    return await run_in_threadpool(reviews.get_review, user_id=user.id, review_id=review_id)
