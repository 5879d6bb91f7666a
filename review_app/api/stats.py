"""`GET /api/stats`: the dashboard's numbers for your reviews (or, for admins, anyone's)."""

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from starlette.concurrency import run_in_threadpool

from review_app.api.deps import SignedInUser
from review_app.services.stats import MAX_SPAN_DAYS, ReviewStats, review_stats

router = APIRouter(prefix="/api/stats", tags=["stats"])


@router.get(
    "",
    responses={
        403: {"description": "`user_id` names someone else and you are not an admin."},
        422: {"description": f"Dates reversed, over {MAX_SPAN_DAYS} days, or unknown language."},
    },
)
async def stats(
    user: SignedInUser,
    date_from: Annotated[date | None, Query(alias="from", description="First UTC day.")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="Last UTC day.")] = None,
    language: Annotated[str | None, Query(max_length=64)] = None,
    user_id: Annotated[uuid.UUID | None, Query(description="Admins: one user's.")] = None,
) -> ReviewStats:
    """Counts, scores, findings, cache hit rate and LLM tokens; the last 30 days by default.

    Yours only; an admin sees every user's, or one user's with `user_id`.
    """
    return await run_in_threadpool(
        review_stats,
        actor=user,
        user_id=user_id,
        date_from=date_from,
        date_to=date_to,
        language=language,
    )
