"""Decisions on a project's findings: false positive, won't fix, or accepted risk, with a comment.

A decision names its finding by fingerprint (rule, category, message and the line's text, never
the line's number), so it holds wherever the line moves and in every later review of the project
and of changes to it. A decided finding stays listed, marked with the decision, and leaves the
gate; exports carry it (SARIF `suppressions`). Members and above decide; viewers read.
"""

import uuid
from datetime import datetime

from pydantic import BaseModel, Field
from sqlmodel import Session, select

from review_app.db import session_scope
from review_app.models import (
    DecisionKind,
    FindingDecision,
    ProjectReview,
    Review,
    TeamRole,
    User,
    utcnow,
)
from review_app.review.fingerprints import Located
from review_app.review.models import ReviewResult
from review_app.services.errors import NotFoundError
from review_app.services.teams.access import project_for

MAX_COMMENT_LENGTH = 1000


class DecisionView(BaseModel):
    """A decision as a project lists it."""

    id: int
    path: str
    fingerprint: str
    rule: str | None
    title: str
    kind: DecisionKind
    comment: str
    decided_by: str | None = Field(description="Who decided (email).")
    decided_at: datetime


def decide(
    *,
    user_id: uuid.UUID,
    project_id: uuid.UUID,
    review_id: uuid.UUID,
    finding: int,
    kind: DecisionKind,
    comment: str = "",
) -> DecisionView:
    """Decide on finding number `finding` (0-based) of the file review `review_id` of one of the
    project's reviews; deciding again on the same finding replaces the decision.

    Raises:
        NotFoundError: no such project of the user's, file review of it, or finding.
        PermissionDeniedError: a viewer of the project's team.
    """
    with session_scope() as session:
        project_for(session, user_id, project_id, TeamRole.MEMBER, "decide on findings")
        path, located = located_finding(session, project_id, review_id, finding)
        fingerprint = located.fingerprint()
        row = session.exec(
            select(FindingDecision).where(
                FindingDecision.project_id == project_id,
                FindingDecision.path == path,
                FindingDecision.fingerprint == fingerprint,
            )
        ).first() or FindingDecision(
            project_id=project_id, path=path, fingerprint=fingerprint, kind=kind
        )
        row.rule, row.title = located.finding.rule, located.finding.title[:300]
        row.kind, row.comment = kind, comment.strip()[:MAX_COMMENT_LENGTH]
        row.decided_by, row.decided_at = user_id, utcnow()
        session.add(row)
        session.flush()
        return _view(session, row)


def withdraw(*, user_id: uuid.UUID, project_id: uuid.UUID, decision_id: int) -> None:
    """Take a decision back: its finding counts again.

    Raises:
        NotFoundError: no such project of the user's, or decision on it.
        PermissionDeniedError: a viewer of the project's team.
    """
    with session_scope() as session:
        project_for(session, user_id, project_id, TeamRole.MEMBER, "decide on findings")
        row = session.get(FindingDecision, decision_id)
        if row is None or row.project_id != project_id:
            raise NotFoundError("No such decision on this project.")
        session.delete(row)


def list_decisions(*, user_id: uuid.UUID, project_id: uuid.UUID) -> list[DecisionView]:
    """The project's decisions, by path and time.

    Raises:
        NotFoundError: no such project of the user's.
    """
    with session_scope() as session:
        project_for(session, user_id, project_id)
        rows = session.exec(
            select(FindingDecision)
            .where(FindingDecision.project_id == project_id)
            .order_by(FindingDecision.path, FindingDecision.decided_at)
        ).all()
        return [_view(session, row) for row in rows]


def decisions_of(
    session: Session, project_ids: list[uuid.UUID]
) -> dict[tuple[str, str], DecisionView]:
    """The decisions that hold in projects `project_ids` (a change: its own, then its base's),
    by (path, fingerprint); the first project's win."""
    rows = session.exec(
        select(FindingDecision).where(FindingDecision.project_id.in_(project_ids))
    ).all()
    order = {project_id: rank for rank, project_id in enumerate(project_ids)}
    decided: dict[tuple[str, str], DecisionView] = {}
    for row in sorted(rows, key=lambda row: order[row.project_id], reverse=True):
        decided[(row.path, row.fingerprint)] = _view(session, row)
    return decided


def located_finding(
    session: Session, project_id: uuid.UUID, review_id: uuid.UUID, finding: int
) -> tuple[str, Located]:
    """Finding number `finding` (0-based) of the file review `review_id` of one of the
    project's reviews, with its line's text, and the file's path.

    Raises:
        NotFoundError: no such file review of the project, or finding.
    """
    review = _file_review(session, project_id, review_id)
    findings = ReviewResult.model_validate(review.result).findings
    if not 0 <= finding < len(findings):
        raise NotFoundError("The review has no such finding.")
    [located] = Located.all_in([findings[finding]], review.code)
    return review.path or "", located


def _file_review(session: Session, project_id: uuid.UUID, review_id: uuid.UUID) -> Review:
    review = session.get(Review, review_id)
    project_review = (
        session.get(ProjectReview, review.project_review_id)
        if review is not None and review.project_review_id is not None
        else None
    )
    if project_review is None or project_review.project_id != project_id or not review.result:
        raise NotFoundError("No finished review of a file of this project with this id.")
    return review


def _view(session: Session, row: FindingDecision) -> DecisionView:
    decider = session.get(User, row.decided_by) if row.decided_by else None
    return DecisionView(
        id=row.id or 0,
        path=row.path,
        fingerprint=row.fingerprint,
        rule=row.rule,
        title=row.title,
        kind=row.kind,
        comment=row.comment,
        decided_by=decider.email if decider else None,
        decided_at=row.decided_at,
    )
