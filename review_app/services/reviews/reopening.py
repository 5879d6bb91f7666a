"""Reopening the resolved conversations whose finding a later review of the project finds again."""

from sqlmodel import Session, col, select

from review_app.models import (
    FindingComment,
    FindingThread,
    ProjectReview,
    Review,
    ReviewStatus,
    ThreadStatus,
    utcnow,
)
from review_app.review.fingerprints import Located
from review_app.review.models import ReviewResult


def reopen_returned(session: Session, project_review: ProjectReview) -> list[int]:
    """Reopen the project's resolved threads (resolved before `project_review` started) whose
    finding the completed `project_review` holds, each with a note saying so; their ids."""
    resolved = session.exec(
        select(FindingThread).where(
            FindingThread.project_id == project_review.project_id,
            FindingThread.status == ThreadStatus.RESOLVED,
            col(FindingThread.resolved_at) < project_review.created_at,
        )
    ).all()
    if not resolved:
        return []
    found = _fingerprints(session, project_review)
    reopened = []
    for thread in resolved:
        if (thread.path, thread.fingerprint) not in found:
            continue
        thread.status, thread.reopened_at = ThreadStatus.OPEN, utcnow()
        session.add(thread)
        started = project_review.created_at.strftime("%Y-%m-%d %H:%M UTC")
        note = f"Reopened: the review of {started} found this again after it was resolved."
        session.add(FindingComment(thread_id=thread.id or 0, body=note))
        reopened.append(thread.id or 0)
    return reopened


def _fingerprints(session: Session, project_review: ProjectReview) -> set[tuple[str, str]]:
    """Every (path, fingerprint) of the project review's completed files."""
    rows = session.exec(
        select(Review.path, Review.code, Review.result).where(
            Review.project_review_id == project_review.id,
            Review.status == ReviewStatus.COMPLETED,
        )
    ).all()
    return {
        (path or "", located.fingerprint())
        for path, code, result in rows
        for located in Located.all_in(ReviewResult.model_validate(result).findings, code)
    }
