"""A project's baseline: accept the findings of one of its reviews, so that later reviews (and
reviews of changes to it) show only what is new or changed, as a team adopting a reviewer on
old code expects.

A baselined finding is known by its fingerprint (rule, category, message, the line's text), so
it stays hidden wherever its line moves, and comes back once its line or message changes. Each
file keeps how many findings share a fingerprint: a third copy of a line that had two is new.
Maintainers set and clear a project's baseline (a personal project: its owner).
"""

import uuid
from collections import Counter
from datetime import datetime

from pydantic import BaseModel, Field
from sqlmodel import Session, col, delete, select

from review_app.db import session_scope
from review_app.exports import FileReview
from review_app.models import (
    BaselineFinding,
    ProjectBaseline,
    ProjectReview,
    ReviewStatus,
    TeamRole,
    User,
    utcnow,
)
from review_app.review.fingerprints import Located
from review_app.services.errors import NotFoundError, ReviewNotFinishedError
from review_app.services.projects.review_files import not_a_base, project_files
from review_app.services.teams.access import project_for

Accepted = Counter[tuple[str, str]]  # (path, fingerprint) -> how many findings were accepted
_DOING = "set the project's baseline"


class BaselineView(BaseModel):
    """A project's baseline as its page and the API show it."""

    project_review_id: uuid.UUID | None = Field(description="The review whose findings it holds.")
    findings: int = Field(description="How many findings it accepted.")
    set_by: str | None = Field(description="Who set it (email).")
    set_at: datetime


def set_baseline(
    *, user_id: uuid.UUID, project_id: uuid.UUID, project_review_id: uuid.UUID | None = None
) -> BaselineView:
    """Accept every finding of a completed review of the project (by default its latest);
    this replaces the project's baseline.

    Raises:
        NotFoundError: no such project of the user's, or review of it; no completed review.
        ReviewNotFinishedError: the review named is still running.
        PermissionDeniedError: a member or viewer of the project's team.
    """
    with session_scope() as session:
        project_for(session, user_id, project_id, TeamRole.MAINTAINER, _DOING)
        review = _review_to_accept(session, project_id, project_review_id)
        accepted = fingerprints_of(project_files(session, review.id))
        session.exec(delete(BaselineFinding).where(col(BaselineFinding.project_id) == project_id))
        session.add_all(
            BaselineFinding(project_id=project_id, path=path, fingerprint=fingerprint, count=count)
            for (path, fingerprint), count in accepted.items()
        )
        baseline = session.get(ProjectBaseline, project_id) or ProjectBaseline(
            project_id=project_id
        )
        baseline.project_review_id, baseline.findings = review.id, accepted.total()
        baseline.set_by, baseline.set_at = user_id, utcnow()
        session.add(baseline)
        session.flush()
        return _view(session, baseline)


def clear_baseline(*, user_id: uuid.UUID, project_id: uuid.UUID) -> None:
    """Drop the project's baseline: every finding shows again.

    Raises:
        NotFoundError: no such project of the user's, or it has no baseline.
        PermissionDeniedError: a member or viewer of the project's team.
    """
    with session_scope() as session:
        project_for(session, user_id, project_id, TeamRole.MAINTAINER, "clear the baseline")
        baseline = session.get(ProjectBaseline, project_id)
        if baseline is None:
            raise NotFoundError("This project has no baseline.")
        session.exec(delete(BaselineFinding).where(col(BaselineFinding.project_id) == project_id))
        session.delete(baseline)


def get_baseline(*, user_id: uuid.UUID, project_id: uuid.UUID) -> BaselineView | None:
    """The project's baseline, or None.

    Raises:
        NotFoundError: no such project of the user's.
    """
    with session_scope() as session:
        project_for(session, user_id, project_id)
        baseline = session.get(ProjectBaseline, project_id)
        return _view(session, baseline) if baseline is not None else None


def fingerprints_of(files: list[FileReview]) -> Accepted:
    """How many findings each (path, fingerprint) has in `files`."""
    return Counter(
        (file.path, located.fingerprint())
        for file in files
        for located in Located.all_in(file.result.findings, file.code)
    )


def accepted_in(session: Session, project_ids: list[uuid.UUID]) -> Accepted:
    """The baseline that holds in projects `project_ids` (a change: its own, then its base's):
    the first of them that has one."""
    for project_id in project_ids:
        rows = session.exec(
            select(BaselineFinding).where(BaselineFinding.project_id == project_id)
        ).all()
        if rows or session.get(ProjectBaseline, project_id) is not None:
            return Counter({(row.path, row.fingerprint): row.count for row in rows})
    return Counter()


def hidden_by(accepted: Accepted, file: FileReview) -> set[int]:
    """The indexes of the file's findings the baseline accepted, up to each fingerprint's count."""
    left = Counter(
        {fingerprint: count for (path, fingerprint), count in accepted.items() if path == file.path}
    )
    hidden = set()
    for index, located in enumerate(Located.all_in(file.result.findings, file.code)):
        fingerprint = located.fingerprint()
        if left[fingerprint] > 0:
            left[fingerprint] -= 1
            hidden.add(index)
    return hidden


def _review_to_accept(
    session: Session, project_id: uuid.UUID, project_review_id: uuid.UUID | None
) -> ProjectReview:
    """The review of the whole project to accept: the one named, or the latest completed."""
    whole = (
        ProjectReview.project_id == project_id,
        col(ProjectReview.base_review_id).is_(None),
        not_a_base(),
    )
    if project_review_id is None:
        review = session.exec(
            select(ProjectReview)
            .where(*whole, ProjectReview.status == ReviewStatus.COMPLETED)
            .order_by(col(ProjectReview.created_at).desc())
        ).first()
        if review is None:
            raise NotFoundError("The project has no completed review of all its files yet.")
        return review
    review = session.exec(
        select(ProjectReview).where(*whole, ProjectReview.id == project_review_id)
    ).first()
    if review is None:
        raise NotFoundError("No review of all this project's files with this id.")
    if review.status != ReviewStatus.COMPLETED:
        raise ReviewNotFinishedError("The review is not finished yet: accept it once it is.")
    return review


def _view(session: Session, baseline: ProjectBaseline) -> BaselineView:
    setter = session.get(User, baseline.set_by) if baseline.set_by else None
    return BaselineView(
        project_review_id=baseline.project_review_id,
        findings=baseline.findings,
        set_by=setter.email if setter else None,
        set_at=baseline.set_at,
    )
