"""The reviews running and done in the open team's projects, kept live by the pushes every
member's tabs receive (a file of a project review ended, or the whole review did)."""

import dataclasses
import uuid
from functools import partial

import reflex as rx

from review_app import routes
from review_app.services.errors import ServiceError
from review_app.services.live_channel import ProjectProgressEvent
from review_app.services.projects import review_reading
from review_app.services.projects.review_views import ListedProjectReview
from review_app.state.session import SessionState
from review_app.state.timestamps import shown_time

RECENT = 8


@dataclasses.dataclass
class ActivityRow:
    """A review of one of the team's projects."""

    id: str
    project: str
    url: str
    status: str
    progress: str  # "3 of 8 files", or the score once completed
    started: str


class TeamActivityState(rx.State):
    """The newest reviews of the open team's projects."""

    rows: list[ActivityRow] = []
    _team_id: str = ""

    @rx.event
    async def load(self) -> None:
        """Read the reviews of the team named in the URL."""
        self._team_id = self.router.page.params.get("team_id", "")
        await self._read()

    async def _apply(self, event: ProjectProgressEvent) -> None:
        """A project review moved on: move its row, or read the list again when it is new or
        has ended (its score)."""
        if not self._team_id or self.router.page.params.get("team_id") != self._team_id:
            return  # the tab shows another page now
        row = next((row for row in self.rows if row.id == str(event.project_review_id)), None)
        if row is None or event.status != row.status or event.score is not None:
            await self._read()
            return
        row.progress = f"{event.files_done} of {event.file_count} files"
        self.rows = list(self.rows)

    async def _read(self) -> None:
        try:
            user = await (await self.get_state(SessionState))._current_user()
            found = await rx.run_in_thread(
                partial(
                    review_reading.recent_project_reviews,
                    user_id=user.id,
                    limit=RECENT,
                    team_id=uuid.UUID(self._team_id),
                )
            )
        except (ServiceError, ValueError):
            self.rows = []
            return
        self.rows = [_row(review) for review in found]


def _row(review: ListedProjectReview) -> ActivityRow:
    done = review.status == "completed" and review.score is not None
    return ActivityRow(
        id=str(review.id),
        project=review.project_name,
        url=routes.project_url(review.project_id),
        status=review.status,
        progress=f"score {review.score}/100" if done else f"{review.file_count} files",
        started=shown_time(review.created_at),
    )
