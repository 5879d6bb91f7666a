"""`GET /api/stats`: the dashboard's numbers for your reviews (or, for admins, anyone's)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from starlette.concurrency import run_in_threadpool

from review_app.api.deps import SignedInUser
from review_app.api.queries import date_range
from review_app.services.reviews.submissions import CalendarDay, LanguageName
from review_app.services.stats import DEFAULT_SPAN_DAYS, MAX_SPAN_DAYS, ReviewStats, review_stats

router = APIRouter(prefix="/api/stats", tags=["stats"])
FIRST_DAY = (
    f"First UTC day: on or before `to`, at most {MAX_SPAN_DAYS} days in all;"
    f" by default {DEFAULT_SPAN_DAYS} days in all."
)
LAST_DAY = "Last UTC day; by default today."


@router.get(
    "",
    openapi_extra=date_range("from", "to", max_days=MAX_SPAN_DAYS),
    responses={
        403: {"description": "`user_id` names someone else and you are not an admin."},
        404: {"description": "`team` names no team of yours."},
        422: {"description": f"Dates reversed, over {MAX_SPAN_DAYS} days, or unknown language."},
    },
)
async def stats(
    user: SignedInUser,
    date_from: Annotated[CalendarDay | None, Query(alias="from", description=FIRST_DAY)] = None,
    date_to: Annotated[CalendarDay | None, Query(alias="to", description=LAST_DAY)] = None,
    language: Annotated[LanguageName | None, Query()] = None,
    user_id: Annotated[uuid.UUID | None, Query(description="Admins: one user's.")] = None,
    team: Annotated[uuid.UUID | None, Query(description="One of your teams' projects.")] = None,
) -> ReviewStats:
    """Counts, scores, findings, cache hit rate and LLM tokens; the last 30 days by default.

    Yours only; an admin sees every user's, or one user's with `user_id`; with `team`, every
    review of that team's projects.
    """
    return await run_in_threadpool(
        review_stats,
        actor=user,
        user_id=user_id,
        date_from=date_from,
        date_to=date_to,
        language=language,
        team_id=team,
    )
