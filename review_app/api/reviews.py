"""`/api/reviews`: submit code for review, follow one review, list your history."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from review_app.api.deps import ClientIp, SignedInUser
from review_app.api.queries import PageLimit, PageOffset, date_range
from review_app.api.text_rules import CODE_PATTERN, FILENAME_PATTERN
from review_app.services.paging import DEFAULT_PAGE_SIZE
from review_app.services.reviews import submissions as reviews
from review_app.services.reviews.views import ReviewDetail, ReviewPage, SubmittedReview
from review_app.settings import get_settings

router = APIRouter(prefix="/api/reviews", tags=["reviews"])


def _code_schema(schema: dict) -> None:
    """Not blank, no NUL, and no longer than MAX_CODE_BYTES (a character is at least a byte)."""
    schema.update(pattern=CODE_PATTERN, maxLength=get_settings().max_code_bytes)


class SubmitRequest(BaseModel):
    """Code to review, with its language or a file name whose extension names one."""

    language: reviews.LanguageName | None = None
    code: str = Field(
        description="UTF-8 source text of at most MAX_CODE_BYTES bytes (413 beyond), not blank.",
        json_schema_extra=_code_schema,
    )
    filename: str | None = Field(
        default=None,
        max_length=reviews.MAX_FILENAME_LENGTH,
        description="Without control characters; its extension tells a language left out.",
        json_schema_extra={"pattern": FILENAME_PATTERN},
    )


@router.post(
    "",
    status_code=202,
    responses={
        413: {"description": "The code is larger than MAX_CODE_BYTES (or the body than its cap)."},
        422: {
            "description": "Empty or binary code, a file name with control characters, or no"
            " supported language (given, or told by the file name's extension)."
        },
        429: {"description": "Too many submissions (RATE_LIMIT_SUBMIT, RATE_LIMIT_SUBMIT_IP)."},
    },
)
async def submit(body: SubmitRequest, user: SignedInUser, ip: ClientIp) -> SubmittedReview:
    """Queue a review, or complete it at once from the cache (`cached: true`)."""
    return await run_in_threadpool(
        reviews.submit_review,
        user_id=user.id,
        language=body.language,
        code=body.code,
        filename=body.filename,
        client_ip=ip,
    )


@router.get(
    "",
    openapi_extra=date_range("date_from", "date_to"),
    responses={422: {"description": "A filter or paging value is invalid."}},
)
async def history(
    user: SignedInUser,
    filters: Annotated[reviews.ReviewFilters, Query()],
    limit: PageLimit = DEFAULT_PAGE_SIZE,
    offset: PageOffset = 0,
) -> ReviewPage:
    """Your reviews, newest first; `filename` matches a substring; `date_from` <= `date_to`."""
    return await run_in_threadpool(
        reviews.list_reviews, user_id=user.id, filters=filters, limit=limit, offset=offset
    )


@router.get("/{review_id}", responses={404: {"description": "No such review of yours."}})
async def review(review_id: uuid.UUID, user: SignedInUser) -> ReviewDetail:
    """One review: status, progress and stage, and the result once completed."""
    return await run_in_threadpool(reviews.get_review, user_id=user.id, review_id=review_id)
