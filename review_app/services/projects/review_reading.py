"""Reading project reviews back: a project's list, one with its files, one as a document."""

import uuid

from sqlalchemy.orm import defer
from sqlmodel import Session, select

from review_app.db import session_scope
from review_app.exports import ExportFormat, FileReview, render_export
from review_app.models import Project, ProjectReview, Review, ReviewStatus
from review_app.review.models import ReviewResult
from review_app.services.errors import NotFoundError, ReviewNotFinishedError
from review_app.services.paging import DEFAULT_PAGE_SIZE, checked_limit, newest_first
from review_app.services.projects.review_views import (
    ProjectReviewDetail,
    ProjectReviewFile,
    ProjectReviewPage,
    ProjectReviewSummary,
)
from review_app.services.reviews.downloads import ExportedReview, safe_stem


def list_project_reviews(
    *, user_id: uuid.UUID, project_id: uuid.UUID, limit: int = DEFAULT_PAGE_SIZE, offset: int = 0
) -> ProjectReviewPage:
    """The reviews of one of the user's projects, newest first.

    Raises:
        NotFoundError: no such project of the user's.
        InvalidQueryError: a paging value out of range.
    """
    limit = checked_limit(limit, offset)
    of_project = ProjectReview.project_id == project_id
    with session_scope() as session:
        _own_project(session, user_id, project_id)
        total, rows = newest_first(
            session,
            ProjectReview,
            [of_project],
            limit=limit,
            offset=offset,
            deferred=(ProjectReview.summary,),
        )
        items = [ProjectReviewSummary.model_validate(row) for row in rows]
    return ProjectReviewPage(items=items, total=total, limit=limit, offset=offset)


def get_project_review(
    *, user_id: uuid.UUID, project_id: uuid.UUID, project_review_id: uuid.UUID
) -> ProjectReviewDetail:
    """One review of the user's project: each file's state and, once completed, the summary.

    Raises:
        NotFoundError: no such project review of the user's project.
    """
    with session_scope() as session:
        project_review = _own_review(session, user_id, project_id, project_review_id)
        files = session.exec(
            select(Review)
            .options(defer(Review.code), defer(Review.result))
            .where(Review.project_review_id == project_review_id)
            .order_by(Review.path)
        ).all()
        return ProjectReviewDetail(
            **ProjectReviewSummary.model_validate(project_review).model_dump(),
            summary=project_review.summary,
            files=[ProjectReviewFile.model_validate(file) for file in files],
        )


def export_project_review(
    *,
    user_id: uuid.UUID,
    project_id: uuid.UUID,
    project_review_id: uuid.UUID,
    export_format: ExportFormat,
) -> ExportedReview:
    """A completed project review as one document: every reviewed file, paths from the root.

    Raises:
        NotFoundError: no such project review of the user's project.
        ReviewNotFinishedError: files are still being reviewed.
    """
    with session_scope() as session:
        project_review = _own_review(session, user_id, project_id, project_review_id)
        if project_review.status != ReviewStatus.COMPLETED:
            raise ReviewNotFinishedError(
                "The project review is not finished yet; export it once every file is reviewed."
            )
        project_name = session.get(Project, project_id).name
        rows = session.exec(
            select(Review.id, Review.path, Review.code, Review.result)
            .where(
                Review.project_review_id == project_review_id,
                Review.status == ReviewStatus.COMPLETED,
            )
            .order_by(Review.path)
        ).all()
    files = [
        FileReview(
            path=path, code=code, result=ReviewResult.model_validate(result), review_id=review_id
        )
        for review_id, path, code, result in rows
    ]
    stem = safe_stem(project_name)
    return ExportedReview(
        filename=f"{stem}-review-{project_review_id.hex[:8]}.{export_format.extension}",
        media_type=export_format.media_type,
        content=render_export(files, export_format),
    )


def _own_project(session: Session, user_id: uuid.UUID, project_id: uuid.UUID) -> Project:
    project = session.get(Project, project_id)
    if project is None or project.user_id != user_id:
        raise NotFoundError("No project with this id.")
    return project


def _own_review(
    session: Session, user_id: uuid.UUID, project_id: uuid.UUID, project_review_id: uuid.UUID
) -> ProjectReview:
    project_review = session.get(ProjectReview, project_review_id)
    if (
        project_review is None
        or project_review.user_id != user_id
        or project_review.project_id != project_id
    ):
        raise NotFoundError("No review of this project with this id.")
    return project_review
