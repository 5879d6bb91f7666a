"""A project review's files as the team triaged them: findings in the project's baseline
hidden, decided ones marked; and what the gate leaves out because of either."""

from typing import NamedTuple

from sqlmodel import Session

from review_app.exports import FileReview
from review_app.exports.documents import Decided
from review_app.models import ProjectReview
from review_app.review.fingerprints import Located
from review_app.review.models import Severity
from review_app.services.projects.baselines import Accepted, accepted_in, hidden_by
from review_app.services.projects.decisions import DecisionView, decisions_of
from review_app.services.projects.finding_home import base_project_of
from review_app.services.projects.review_files import files_of

Decisions = dict[tuple[str, str], DecisionView]


def triaged_files(session: Session, project_review: ProjectReview) -> list[FileReview]:
    """The files of a completed project review, marked with the baseline and the decisions
    that hold on it: its project's, then (a change review) its base project's."""
    decided, accepted = _triage_of(session, project_review)
    files = files_of(session, project_review)
    if not (decided or accepted):
        return files
    return [_triaged(file, decided, accepted) for file in files]


class Exempted(NamedTuple):
    """What triage takes out of a completed project review."""

    waived: int  # findings the gate would count that the team decided on
    gated_in_baseline: int  # findings the gate would count that the baseline hides
    in_baseline: int  # every finding the baseline hides


def exempted(session: Session, project_review: ProjectReview, fail_on: Severity) -> Exempted:
    """What the decisions and the baseline take out of a project review, for a gate at
    `fail_on` (which, in a change, counts only the new findings)."""
    decided, accepted = _triage_of(session, project_review)
    if not (decided or accepted):  # the common case: no need to read every file
        return Exempted(0, 0, 0)
    waived = gated = hidden = 0
    files = files_of(session, project_review)
    for file in (_triaged(file, decided, accepted) for file in files):
        for index, finding in enumerate(file.result.findings):
            counted = finding.severity.rank >= fail_on.rank and (
                file.baseline is None or index in file.baseline.new
            )
            waived += counted and index in file.decided
            gated += counted and index in file.in_baseline
        hidden += len(file.in_baseline)
    return Exempted(waived, gated, hidden)


def _triage_of(session: Session, project_review: ProjectReview) -> tuple[Decisions, Accepted]:
    projects = [project_review.project_id]
    if (base_id := base_project_of(session, project_review)) is not None:
        projects.append(base_id)
    return decisions_of(session, projects), accepted_in(session, projects)


def _triaged(file: FileReview, decided: Decisions, accepted: Accepted) -> FileReview:
    in_baseline = hidden_by(accepted, file) if accepted else set()
    located = Located.all_in(file.result.findings, file.code)
    notes = {
        index: Decided(kind=view.kind.value, comment=view.comment, by=view.decided_by, id=view.id)
        for index, item in enumerate(located)
        if index not in in_baseline
        and (view := decided.get((file.path, item.fingerprint()))) is not None
    }
    return file.model_copy(update={"decided": notes, "in_baseline": in_baseline})
