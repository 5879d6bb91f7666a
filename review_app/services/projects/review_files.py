"""The reviewed files of a project review, as exports and the project page read them."""

import uuid

from sqlmodel import Session, select

from review_app.exports import FileReview
from review_app.exports.changes import change_file_review
from review_app.models import ProjectReview, Review, ReviewStatus
from review_app.review.models import ReviewResult
from review_app.services.reviews.project_changes import file_versions


def files_of(session: Session, project_review: ProjectReview) -> list[FileReview]:
    """The files of a project review; in a change review, those the change touched, their
    findings marked new or unchanged."""
    if project_review.base_review_id is not None:
        return _change_files(session, project_review)
    return project_files(session, project_review.id)


def project_files(session: Session, project_review_id: uuid.UUID) -> list[FileReview]:
    """Every completed file of a project review, by path."""
    rows = session.exec(
        select(Review.id, Review.path, Review.code, Review.result)
        .where(
            Review.project_review_id == project_review_id,
            Review.status == ReviewStatus.COMPLETED,
        )
        .order_by(Review.path)
    ).all()
    return [
        FileReview(
            path=path, code=code, result=ReviewResult.model_validate(result), review_id=review_id
        )
        for review_id, path, code, result in rows
    ]


def _change_files(session: Session, project_review: ProjectReview) -> list[FileReview]:
    """Every file a change review covers (those whose review failed left to the summary)."""
    head = file_versions(session, project_review.id)
    base = file_versions(session, project_review.base_review_id)
    files = [
        change_file_review(path, base.get(path), head.get(path))
        for path in sorted(head.keys() | base.keys())
    ]
    return [file for file in files if file is not None]


def not_a_base():
    """Leaves out the reviews of a change's base versions (they show with their change)."""
    bases = select(ProjectReview.base_review_id).where(ProjectReview.base_review_id.is_not(None))
    return ProjectReview.id.not_in(bases)
