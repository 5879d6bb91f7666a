"""Decisions on a project's findings: false positive, won't fix, or accepted risk, with a comment.

A decision names its finding by fingerprint (rule, category, message and the line's text, never
the line's number), so it holds wherever the line moves and in every later review of the project
and of changes to it; one taken on a finding of a change review lands on the change's base project
(see finding_home). A decided finding stays listed, marked with the decision, and leaves the
gate; exports carry it (SARIF `suppressions`). Members and above decide; viewers read.
"""

import uuid
from datetime import datetime

from pydantic import BaseModel, Field
from sqlmodel import Session, select

from review_app.db import session_scope
from review_app.models import DecisionKind, FindingDecision, TeamRole, User, utcnow
from review_app.services.errors import NotFoundError
from review_app.services.projects.finding_home import homed_finding
from review_app.services.teams.access import project_for

MAX_COMMENT_LENGTH = 1000


class DecisionView(BaseModel):
    """A decision as a project lists it."""

    id: int
    project_id: uuid.UUID = Field(
        description="The project it holds in: for a finding of a change, the change's base."
    )
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
    project's reviews, or of a change review against it (or of the change's own project's change
    review): the decision lands on the project, or on the change's base. Deciding again on the
    same finding replaces the decision.

    Raises:
        NotFoundError: no such project of the user's, file review of it, or finding; or the
            change's base is not the user's.
        PermissionDeniedError: a viewer of the team of the project it lands on.
    """
    with session_scope() as session:
        home, path, located = homed_finding(
            session, user_id, project_id, review_id, finding, TeamRole.MEMBER, "decide on findings"
        )
        fingerprint = located.fingerprint()
        row = session.exec(
            select(FindingDecision).where(
                FindingDecision.project_id == home.id,
                FindingDecision.path == path,
                FindingDecision.fingerprint == fingerprint,
            )
        ).first() or FindingDecision(
            project_id=home.id, path=path, fingerprint=fingerprint, kind=kind
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


def _view(session: Session, row: FindingDecision) -> DecisionView:
    decider = session.get(User, row.decided_by) if row.decided_by else None
    return DecisionView(
        id=row.id or 0,
        project_id=row.project_id,
        path=row.path,
        fingerprint=row.fingerprint,
        rule=row.rule,
        title=row.title,
        kind=row.kind,
        comment=row.comment,
        decided_by=decider.email if decider else None,
        decided_at=row.decided_at,
    )
