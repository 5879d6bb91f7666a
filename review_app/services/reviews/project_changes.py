"""The files of a change review in both versions, and what the change did to their findings."""

import uuid

from sqlmodel import Session, select

from review_app.models import ProjectReview, Review
from review_app.review.change_summary import ChangedFileFindings, FileVersion, changed_file_findings
from review_app.review.models import ReviewResult


def file_versions(session: Session, project_review_id: uuid.UUID | None) -> dict[str, FileVersion]:
    """Each file of a project review by path: its code, its review's id and, if that review
    completed, the result."""
    if project_review_id is None:
        return {}
    rows = session.exec(
        select(Review.path, Review.code, Review.result, Review.id).where(
            Review.project_review_id == project_review_id
        )
    ).all()
    return {
        path: FileVersion(
            code=code,
            result=ReviewResult.model_validate(result) if result else None,
            review_id=review_id,
        )
        for path, code, result, review_id in rows
    }


def changed_files(session: Session, project_review: ProjectReview) -> list[ChangedFileFindings]:
    """Every file a change review covers (added, modified or deleted), by path; [] for a
    review of a whole project."""
    if project_review.base_review_id is None:
        return []
    head = file_versions(session, project_review.id)
    base = file_versions(session, project_review.base_review_id)
    return [
        changed_file_findings(path, base.get(path), head.get(path))
        for path in sorted(head.keys() | base.keys())
    ]
