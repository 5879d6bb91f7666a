"""Reading project reviews back: a project's list, one with its files, one as a document."""

import uuid

from sqlalchemy import and_, true
from sqlalchemy.orm import defer
from sqlmodel import Session, select

from review_app.db import session_scope
from review_app.exports import ExportFormat, FileReview, render_export
from review_app.models import Project, ProjectReview, Review, ReviewStatus
from review_app.review.models import Severity
from review_app.review.project_summary import ProjectSummary
from review_app.services.errors import NotFoundError, ReviewNotFinishedError
from review_app.services.paging import DEFAULT_PAGE_SIZE, checked_limit, newest_first
from review_app.services.projects.finding_home import base_project_of
from review_app.services.projects.review_files import not_a_base
from review_app.services.projects.review_views import (
    Gate,
    ListedProjectReview,
    ProjectReviewDetail,
    ProjectReviewFile,
    ProjectReviewPage,
    ProjectReviewSummary,
)
from review_app.services.projects.settings_files import project_settings
from review_app.services.projects.triage import exempted, triaged_files
from review_app.services.reviews.downloads import ExportedReview, safe_stem
from review_app.services.teams.access import project_for, visible_projects


def list_project_reviews(
    *, user_id: uuid.UUID, project_id: uuid.UUID, limit: int = DEFAULT_PAGE_SIZE, offset: int = 0
) -> ProjectReviewPage:
    """The reviews of one of the user's projects, newest first.

    Raises:
        NotFoundError: no such project of the user's.
        InvalidQueryError: a paging value out of range.
    """
    limit = checked_limit(limit, offset)
    of_project = and_(ProjectReview.project_id == project_id, not_a_base())
    with session_scope() as session:
        project_for(session, user_id, project_id)
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


def recent_project_reviews(
    *, user_id: uuid.UUID, limit: int = DEFAULT_PAGE_SIZE, team_id: uuid.UUID | None = None
) -> list[ListedProjectReview]:
    """The newest reviews of the projects the user may read (their own and their teams',
    whoever started them; only the projects of `team_id`, if given), with the projects' names.

    Raises:
        InvalidQueryError: a limit out of range.
    """
    in_team = Project.team_id == team_id if team_id is not None else true()
    query = (
        select(ProjectReview, Project.name)
        .join(Project, Project.id == ProjectReview.project_id)
        .where(visible_projects(user_id), not_a_base(), in_team)
        .options(defer(ProjectReview.summary))
        .order_by(ProjectReview.created_at.desc(), ProjectReview.id.desc())
        .limit(checked_limit(limit, 0))
    )
    with session_scope() as session:
        return [
            ListedProjectReview(
                **ProjectReviewSummary.model_validate(review).model_dump(), project_name=name
            )
            for review, name in session.exec(query)
        ]


def get_project_review(
    *,
    user_id: uuid.UUID,
    project_id: uuid.UUID,
    project_review_id: uuid.UUID,
    fail_on: Severity | None = None,
) -> ProjectReviewDetail:
    """One review of the user's project: each file's state and, once completed, the summary
    and, with `fail_on` (or the [gate] of the project's review_app.toml), the gate's verdict
    (a change review's counts only new findings).

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
        stored = project_review.summary
        summary = ProjectSummary.model_validate(stored) if stored else None
        fail_on = fail_on or project_settings(session, project_id).config.gate.fail_on
        triage = exempted(session, project_review, fail_on or Severity.INFO) if summary else None
        return ProjectReviewDetail(
            **ProjectReviewSummary.model_validate(project_review).model_dump(),
            summary=summary,
            base_project_id=base_project_of(session, project_review),
            files=[ProjectReviewFile.model_validate(file) for file in files],
            skipped=project_review.skipped,
            gate=Gate.of(summary, fail_on, triage.waived, triage.gated_in_baseline)
            if summary and triage and fail_on
            else None,
            in_baseline=triage.in_baseline if triage else 0,
        )


def reviewed_files(
    *, user_id: uuid.UUID, project_id: uuid.UUID, project_review_id: uuid.UUID
) -> list[FileReview]:
    """Every reviewed file of a completed project review with its findings, by path; in a
    change review the files the change touched, their findings marked new or unchanged.

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
        return triaged_files(session, project_review)


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
    files = reviewed_files(
        user_id=user_id, project_id=project_id, project_review_id=project_review_id
    )
    with session_scope() as session:
        stem = safe_stem(project_for(session, user_id, project_id).name)
    return ExportedReview(
        filename=f"{stem}-review-{project_review_id.hex[:8]}.{export_format.extension}",
        media_type=export_format.media_type,
        content=render_export(files, export_format),
    )


def _own_review(
    session: Session, user_id: uuid.UUID, project_id: uuid.UUID, project_review_id: uuid.UUID
) -> ProjectReview:
    project_for(session, user_id, project_id)
    project_review = session.get(ProjectReview, project_review_id)
    if project_review is None or project_review.project_id != project_id:
        raise NotFoundError("No review of this project with this id.")
    return project_review
