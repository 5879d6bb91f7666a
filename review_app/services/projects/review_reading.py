"""Reading project reviews back: a project's list, one with its files, one as a document."""

import uuid

from sqlalchemy import and_
from sqlalchemy.orm import defer
from sqlmodel import Session, select

from review_app.db import session_scope
from review_app.exports import ExportFormat, FileReview, render_export
from review_app.exports.changes import change_file_review
from review_app.exports.documents import Decided
from review_app.models import Project, ProjectReview, Review, ReviewStatus
from review_app.review.fingerprints import Located
from review_app.review.models import ReviewResult, Severity
from review_app.review.project_summary import ProjectSummary
from review_app.services.errors import NotFoundError, ReviewNotFinishedError
from review_app.services.paging import DEFAULT_PAGE_SIZE, checked_limit, newest_first
from review_app.services.projects.decisions import decisions_of
from review_app.services.projects.review_views import (
    Gate,
    ListedProjectReview,
    ProjectReviewDetail,
    ProjectReviewFile,
    ProjectReviewPage,
    ProjectReviewSummary,
)
from review_app.services.projects.settings_files import project_settings
from review_app.services.reviews.downloads import ExportedReview, safe_stem
from review_app.services.reviews.project_changes import file_versions
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
    of_project = and_(ProjectReview.project_id == project_id, _not_a_base())
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
    *, user_id: uuid.UUID, limit: int = DEFAULT_PAGE_SIZE
) -> list[ListedProjectReview]:
    """The newest reviews of the projects the user may read (their own and their teams',
    whoever started them), with the projects' names.

    Raises:
        InvalidQueryError: a limit out of range.
    """
    query = (
        select(ProjectReview, Project.name)
        .join(Project, Project.id == ProjectReview.project_id)
        .where(visible_projects(user_id), _not_a_base())
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


def _not_a_base():
    """Leaves out the reviews of a change's base versions (they show with their change)."""
    bases = select(ProjectReview.base_review_id).where(ProjectReview.base_review_id.is_not(None))
    return ProjectReview.id.not_in(bases)


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
        return ProjectReviewDetail(
            **ProjectReviewSummary.model_validate(project_review).model_dump(),
            summary=summary,
            files=[ProjectReviewFile.model_validate(file) for file in files],
            skipped=project_review.skipped,
            gate=Gate.of(summary, fail_on, _waived(session, project_review, fail_on))
            if summary and fail_on
            else None,
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
        return _marked(_files_of(session, project_review), _decisions_on(session, project_review))


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


def _decisions_on(session: Session, project_review: ProjectReview) -> dict:
    """The decisions that hold on a project review's findings: its project's, then (a change
    review) its base project's."""
    projects = [project_review.project_id]
    if project_review.base_review_id is not None:
        base = session.get(ProjectReview, project_review.base_review_id)
        projects += [base.project_id] if base is not None else []
    return decisions_of(session, projects)


def _marked(files: list[FileReview], decided: dict) -> list[FileReview]:
    """The files with each decided finding marked with its decision."""
    marked = []
    for file in files:
        located = Located.all_in(file.result.findings, file.code)
        notes = {
            index: Decided(kind=view.kind.value, comment=view.comment, by=view.decided_by)
            for index, item in enumerate(located)
            if (view := decided.get((file.path, item.fingerprint()))) is not None
        }
        marked.append(file.model_copy(update={"decided": notes}) if notes else file)
    return marked


def _waived(session: Session, project_review: ProjectReview, fail_on: Severity) -> int:
    """How many findings the gate would count (at or above `fail_on`; in a change, new ones)
    the team decided on."""
    decided = _decisions_on(session, project_review)
    if not decided:
        return 0
    return sum(
        1
        for file in _marked(_files_of(session, project_review), decided)
        for index in file.decided
        if file.result.findings[index].severity.rank >= fail_on.rank
        and (file.baseline is None or index in file.baseline.new)
    )


def _files_of(session: Session, project_review: ProjectReview) -> list[FileReview]:
    if project_review.base_review_id is not None:
        return _change_files(session, project_review)
    return _project_files(session, project_review.id)


def _project_files(session: Session, project_review_id: uuid.UUID) -> list[FileReview]:
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


def _own_review(
    session: Session, user_id: uuid.UUID, project_id: uuid.UUID, project_review_id: uuid.UUID
) -> ProjectReview:
    project_for(session, user_id, project_id)
    project_review = session.get(ProjectReview, project_review_id)
    if project_review is None or project_review.project_id != project_id:
        raise NotFoundError("No review of this project with this id.")
    return project_review
