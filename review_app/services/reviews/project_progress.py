"""A project review moves on as the reviews of its files end; the last to end completes it.

Called after a file's final state is committed. Whichever file ends last sees every other
file ended (each checks after its own commit), and a compare-and-set lets one caller only
write the summary, so a project review completes exactly once without a counter to keep.
"""

import logging
import uuid
from collections.abc import Iterable

from sqlalchemy import func, update
from sqlmodel import Session, select

from review_app.db import session_scope
from review_app.models import (
    Project,
    ProjectReview,
    Review,
    ReviewFinding,
    ReviewStatus,
    utcnow,
)
from review_app.review.change_summary import summarize_change
from review_app.review.models import ReviewResult
from review_app.review.project_summary import FileOutcome, summarize_project
from review_app.services.live_channel import ProjectProgressEvent, publish
from review_app.services.reviews.project_changes import changed_files
from review_app.services.reviews.reopening import reopen_returned
from review_app.services.teams.access import audience

logger = logging.getLogger(__name__)

ENDED = (ReviewStatus.COMPLETED, ReviewStatus.FAILED)


def files_ended(reviews: Iterable[Review]) -> None:
    """Push the progress of each project the ended `reviews` belong to, completing any now done."""
    for review in reviews:
        if review.project_review_id is not None:
            advance(review.project_review_id, current_file=review.path)


def advance(project_review_id: uuid.UUID, *, current_file: str | None = None) -> None:
    """Publish how far the project review is; complete it when no file is left to review."""
    with session_scope() as session:
        project_review = session.get(ProjectReview, project_review_id)
        if project_review is None or project_review.status in ENDED:
            return
        files_done = _files_done(session, project_review_id)
        completed = (
            files_done >= project_review.file_count
            and _base_completed(session, project_review)
            and _complete(session, project_review)
        )
        event = ProjectProgressEvent(
            project_review_id=project_review.id,
            project_id=project_review.project_id,
            status=ReviewStatus.COMPLETED if completed else ReviewStatus.RUNNING,
            files_done=files_done,
            file_count=project_review.file_count,
            current_file=current_file,
            findings_so_far=_findings_so_far(session, project_review_id),
            score=project_review.score if completed else None,
        )
        audience = _audience(session, project_review)
        waiting = _changes_waiting_for(session, project_review_id) if completed else []
        if completed:
            reopen_returned(session, project_review)
    publish(event, *audience)
    for change_review_id in waiting:  # the base of these change reviews is now complete
        advance(change_review_id)


def finish_stalled() -> list[uuid.UUID]:
    """Complete running project reviews whose files have all ended (a worker died between a
    file's commit and its check); the sweep calls this. Returns the ids it completed."""
    unfinished_files = (
        select(Review.project_review_id)
        .where(Review.project_review_id.is_not(None), Review.status.not_in(ENDED))
        .distinct()
    )
    with session_scope() as session:
        stalled = session.exec(
            select(ProjectReview.id).where(
                ProjectReview.status == ReviewStatus.RUNNING,
                ProjectReview.id.not_in(unfinished_files),
            )
        ).all()
    for project_review_id in stalled:
        logger.warning("project review %s had ended files only; completing it", project_review_id)
        advance(project_review_id)
    return list(stalled)


def _base_completed(session: Session, project_review: ProjectReview) -> bool:
    """Whether a change review's base versions are all reviewed (True for a whole project)."""
    if project_review.base_review_id is None:
        return True
    base = session.get(ProjectReview, project_review.base_review_id)
    return base is None or base.status in ENDED


def _changes_waiting_for(session: Session, base_review_id: uuid.UUID) -> list[uuid.UUID]:
    """The running change reviews whose base is `base_review_id`."""
    return list(
        session.exec(
            select(ProjectReview.id).where(
                ProjectReview.base_review_id == base_review_id,
                ProjectReview.status == ReviewStatus.RUNNING,
            )
        ).all()
    )


def _files_done(session: Session, project_review_id: uuid.UUID) -> int:
    return session.exec(
        select(func.count())
        .select_from(Review)
        .where(Review.project_review_id == project_review_id, Review.status.in_(ENDED))
    ).one()


def _findings_so_far(session: Session, project_review_id: uuid.UUID) -> int:
    return session.exec(
        select(func.count())
        .select_from(ReviewFinding)
        .join(Review, Review.id == ReviewFinding.review_id)
        .where(Review.project_review_id == project_review_id)
    ).one()


def _complete(session: Session, project_review: ProjectReview) -> bool:
    """Sum the files up and mark the project review completed; False if another caller did."""
    rows = session.exec(
        select(Review.path, Review.status, Review.result, Review.error).where(
            Review.project_review_id == project_review.id
        )
    ).all()
    summary = summarize_project(
        [
            FileOutcome(
                path=path or "",
                result=ReviewResult.model_validate(result) if result else None,
                error=None if status == ReviewStatus.COMPLETED else error,
            )
            for path, status, result, error in rows
        ]
    )
    if project_review.base_review_id is not None:
        summary.change = summarize_change(changed_files(session, project_review))
    values = {
        "status": ReviewStatus.COMPLETED,
        "finished_at": utcnow(),
        "score": summary.score,
        "summary": summary.model_dump(mode="json"),
    }
    claimed = session.exec(
        update(ProjectReview)
        .where(ProjectReview.id == project_review.id, ProjectReview.status == ReviewStatus.RUNNING)
        .values(**values)
    ).rowcount
    if claimed:
        session.refresh(project_review)
    return bool(claimed)


def _audience(session: Session, project_review: ProjectReview) -> list[uuid.UUID]:
    """Who follows a project review live: its team's members, or the user who started it."""
    project = session.get(Project, project_review.project_id)
    if project is None or project.team_id is None:
        return [project_review.user_id]
    return audience(session, project)
