"""Queue again the pull request runs whose next step was lost, so none waits forever.

A run still queued past REVIEW_PENDING_TIMEOUT_SECONDS (its message was lost, or the broker was
down when the delivery came: the host will not deliver it again), or a run whose review ended
that long ago but which was never published (its publishing message was lost). Both steps are
safe to repeat: posted comments are found on the host by their marks, never posted twice. Each
re-queue is a compare-and-set on `queued_at`, so concurrent sweeps queue a run once.
"""

import logging
import uuid
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_, update
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import (
    ProjectReview,
    PullRequestRun,
    PullRequestRunStatus,
    ReviewStatus,
    utcnow,
)
from review_app.settings import get_settings
from review_app.work_queue.enqueue import enqueue_pull_request_run

logger = logging.getLogger(__name__)

BATCH_SIZE = 200


def _stuck(cutoff: datetime) -> ColumnElement[bool]:
    """The condition of a run whose next step has waited since before `cutoff`."""
    ended_reviews = select(ProjectReview.id).where(
        ProjectReview.status != ReviewStatus.RUNNING, ProjectReview.finished_at < cutoff
    )
    reviewed = or_(
        PullRequestRun.project_review_id.is_(None),
        PullRequestRun.project_review_id.in_(ended_reviews),
    )
    return and_(
        PullRequestRun.queued_at < cutoff,
        or_(
            PullRequestRun.status == PullRequestRunStatus.QUEUED,
            and_(PullRequestRun.status == PullRequestRunStatus.REVIEWING, reviewed),
        ),
    )


def sweep_stuck_runs(now: datetime | None = None) -> list[uuid.UUID]:
    """Queue each stuck run's next step again (reading it, or publishing it); returns their ids."""
    now = now or utcnow()
    cutoff = now - timedelta(seconds=get_settings().review_pending_timeout_seconds)
    requeued: list[tuple[uuid.UUID, bool]] = []
    with session_scope() as session:
        candidates = session.exec(
            select(PullRequestRun.id, PullRequestRun.status).where(_stuck(cutoff)).limit(BATCH_SIZE)
        ).all()
        for run_id, status in candidates:
            claimed = session.exec(
                update(PullRequestRun)
                .where(PullRequestRun.id == run_id, _stuck(cutoff))
                .values(queued_at=now)
            ).rowcount
            if claimed:
                requeued.append((run_id, status == PullRequestRunStatus.REVIEWING))
    for run_id, publish in requeued:
        logger.warning("pull request run %s was stuck; queued again", run_id)
        enqueue_pull_request_run(run_id, publish=publish)
    return [run_id for run_id, _ in requeued]
