"""The user's recent review jobs, kept live by pushes from the worker (no polling)."""

import dataclasses
import uuid
from functools import partial

import reflex as rx

from review_app.review.models import Stage
from review_app.services.errors import ServiceError
from review_app.services.live_channel import ProgressEvent
from review_app.services.reviews import submissions as reviews
from review_app.services.reviews.views import ReviewSummary
from review_app.state.session import SessionState
from review_app.state.timestamps import shown_time

RECENT_JOBS = 8


@dataclasses.dataclass
class JobRow:
    """One job as the list shows it."""

    id: str
    label: str
    language: str
    status: str
    progress: int
    stage: str
    score: int
    cached: bool
    error: str
    submitted: str

    @classmethod
    def of(cls, review: ReviewSummary) -> "JobRow":
        """The row of a review summary."""
        return cls(
            id=str(review.id),
            label=review.filename or f"untitled {review.language}",
            language=review.language,
            status=review.status,
            progress=review.progress,
            stage=Stage(review.stage).label,
            score=review.score if review.score is not None else -1,
            cached=review.cached,
            error=review.error or "",
            submitted=shown_time(review.created_at),
        )


class JobsState(rx.State):
    """The newest jobs of the signed-in user, across all their tabs."""

    jobs: list[JobRow] = []

    @rx.event
    async def load(self) -> None:
        """Read the newest jobs (on page load)."""
        session = await self.get_state(SessionState)
        try:
            user = await session._current_user()
            page = await rx.run_in_thread(
                partial(reviews.list_reviews, user_id=user.id, limit=RECENT_JOBS)
            )
        except ServiceError:
            return
        self.jobs = [JobRow.of(item) for item in page.items]

    async def _apply(self, event: ProgressEvent, user_id: uuid.UUID) -> None:
        """Move a job's progress bar; a job started in another tab joins the list."""
        for job in self.jobs:
            if job.id == str(event.review_id):
                job.status = event.status
                job.progress = event.progress
                job.stage = event.stage.label
                job.score = event.score if event.score is not None else -1
                job.error = event.error or ""
                self.jobs = list(self.jobs)
                return
        get = partial(reviews.get_review, user_id=user_id, review_id=event.review_id)
        try:
            detail = await rx.run_in_thread(get)
        except ServiceError:
            return
        self.jobs = [JobRow.of(detail), *self.jobs][:RECENT_JOBS]
