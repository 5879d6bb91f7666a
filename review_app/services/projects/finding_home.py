"""Where a team's word on a finding lands: the project its decisions and conversations belong to.

A finding of a review of a project lands on that project. A finding of a change review (a diff
or a pull request reviewed against a base project) lands on the base project, keyed as there by
path and fingerprint: a decision taken on the change holds in the base's later reviews and in
every other change against it, and the base's decisions and conversations show on the change.
"""

import uuid
from typing import NamedTuple

from sqlmodel import Session

from review_app.models import Project, ProjectReview, Review, TeamRole
from review_app.review.fingerprints import Located
from review_app.review.models import ReviewResult
from review_app.services.errors import NotFoundError
from review_app.services.teams.access import project_for

_NO_FILE_REVIEW = (
    "No finished review of a file of this project, or of a change to it, with this id."
)


class HomedFinding(NamedTuple):
    """A finding of a file review, with the project its decisions and conversations land on."""

    home: Project
    path: str
    located: Located


def base_project_of(session: Session, project_review: ProjectReview) -> uuid.UUID | None:
    """The project a change review's change is proposed against; None for a review of a whole
    project (or a change whose base review is gone)."""
    if project_review.base_review_id is None:
        return None
    base = session.get(ProjectReview, project_review.base_review_id)
    return base.project_id if base is not None else None


def home_of(session: Session, project_review: ProjectReview) -> uuid.UUID:
    """The project the decisions and conversations on a project review's findings land on."""
    return base_project_of(session, project_review) or project_review.project_id


def homed_finding(
    session: Session,
    user_id: uuid.UUID,
    project_id: uuid.UUID,
    review_id: uuid.UUID,
    finding: int,
    needed: TeamRole = TeamRole.VIEWER,
    doing: str = "do this",
) -> HomedFinding:
    """Finding number `finding` (0-based) of the file review `review_id`, of a review of the
    project or of a change review against it (or, for the change's own project, of its change
    review), with its line's text, its file's path and the project it lands on, if the user may
    do there what `needed` may.

    Raises:
        NotFoundError: no such project of the user's, file review of it or of a change against
            it, or finding; or the project it lands on, or the change's, is not the user's.
        PermissionDeniedError: a member of the landing project's team below `needed`.
    """
    project_for(session, user_id, project_id)
    review = session.get(Review, review_id)
    project_review = (
        session.get(ProjectReview, review.project_review_id)
        if review is not None and review.project_review_id is not None
        else None
    )
    if project_review is None or not review.result:
        raise NotFoundError(_NO_FILE_REVIEW)
    home = home_of(session, project_review)
    if project_id not in (project_review.project_id, home):
        raise NotFoundError(_NO_FILE_REVIEW)
    if project_review.project_id != project_id:  # the change's files are its readers' alone
        project_for(session, user_id, project_review.project_id)
    landing = project_for(session, user_id, home, needed, doing)
    findings = ReviewResult.model_validate(review.result).findings
    if not 0 <= finding < len(findings):
        raise NotFoundError("The review has no such finding.")
    [located] = Located.all_in([findings[finding]], review.code)
    return HomedFinding(landing, review.path or "", located)
