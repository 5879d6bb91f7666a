"""Reviewing a whole project: one review per file, run in parallel by the workers.

Starting one records a `Review` per file in a supported language, all in one transaction: a
file whose content was reviewed before (same cache key) completes at once from the cache, one
identical to a review in flight follows it, and the rest go to the workers as one Celery group.
Each file's review ends as a single review does; the last to end completes the project review
(see `reviews.project_progress`). A resubmitted project so re-runs only the files that changed.
Each file is reviewed in its context (review.context): a test as a test, under the project's own
analyzer settings.
"""

import uuid
from pathlib import PurePosixPath

from sqlmodel import Session, select

from review_app.db import session_scope
from review_app.models import Project, ProjectFile, ProjectReview, Review, TeamRole
from review_app.request_ids import current_request_id
from review_app.review.cache_key import cache_key
from review_app.review.context import SKIPPED_ROLES
from review_app.review.errors import InvalidSubmissionError
from review_app.review.models import ReviewContext
from review_app.review.project_settings import context_for
from review_app.review.validation import validate_code
from review_app.services import rate_limits
from review_app.services.projects.errors import InvalidArchiveError
from review_app.services.projects.review_views import StartedProjectReview
from review_app.services.projects.settings_files import project_settings
from review_app.services.reviews import cache as review_cache
from review_app.services.reviews import coalescing, project_progress
from review_app.services.reviews import results as review_results
from review_app.services.reviews.submissions import complete_from_cache, llm_config
from review_app.services.teams.access import project_for
from review_app.settings import get_settings
from review_app.work_queue.enqueue import enqueue_reviews


def start_project_review(
    *,
    user_id: uuid.UUID,
    project_id: uuid.UUID,
    base_project_id: uuid.UUID | None = None,
    rate_limited: bool = True,
) -> StartedProjectReview:
    """Review every file of the user's project that is in a supported language; with a base
    project, review the change from it: only the files that differ, in both versions.

    A code host's pull request (`rate_limited` False) is limited by the host's deliveries.

    Raises:
        NotFoundError: no such project (or base project), or it belongs to someone else.
        PermissionDeniedError: a viewer of the project's team.
        InvalidArchiveError: the project holds no file in a supported language.
        RateLimitedError: over the user's project review limit (RATE_LIMIT_PROJECT_REVIEW).
    """
    queue = _Queue()
    with session_scope() as session:
        # A change may add every file, or remove every file: one side alone may be empty.
        change = base_project_id is not None
        files = _reviewable_files(session, user_id, project_id, allow_none=change)
        base_review_id = None
        if base_project_id is not None:
            base_files = _reviewable_files(session, user_id, base_project_id, allow_none=True)
            if not (files or base_files):
                raise InvalidArchiveError("Neither version holds a file in a supported language.")
            files, base_files = _differing(files, base_files)
            _count_review(user_id, rate_limited)
            base_review = queue.review(session, user_id, base_project_id, base_files)
            base_review_id = base_review.id
        else:
            _count_review(user_id, rate_limited)
        project_review = queue.review(session, user_id, project_id, files, base_review_id)
    queue.send()
    if base_review_id is not None:
        project_progress.advance(base_review_id)
    project_progress.advance(project_review.id)
    return StartedProjectReview(
        id=project_review.id,
        project_id=project_id,
        base_review_id=base_review_id,
        file_count=project_review.file_count,
        cached_files=queue.cached_files,
    )


def _differing(
    files: list[ProjectFile], base_files: list[ProjectFile]
) -> tuple[list[ProjectFile], list[ProjectFile]]:
    """The files whose content differs between the versions (added, modified, deleted)."""
    base_hashes = {file.path: file.sha256 for file in base_files}
    hashes = {file.path: file.sha256 for file in files}
    return (
        [file for file in files if base_hashes.get(file.path) != file.sha256],
        [file for file in base_files if hashes.get(file.path) != file.sha256],
    )


class _Queue:
    """The file reviews of one start: recorded in its transaction, sent to workers after it."""

    def __init__(self) -> None:
        self.to_send: list[uuid.UUID] = []
        self.following: list[tuple[uuid.UUID, uuid.UUID]] = []  # (review, the one it follows)
        self.leaders: dict[str, uuid.UUID] = {}
        self.cached_files = 0

    def review(
        self,
        session: Session,
        user_id: uuid.UUID,
        project_id: uuid.UUID,
        files: list[ProjectFile],
        base_review_id: uuid.UUID | None = None,
    ) -> ProjectReview:
        """Record a project review of `files` in their context: generated and vendored files
        are left out (listed); each other one from the cache, following an identical review
        in flight, failed at once (unreviewable), or to be sent."""
        team_id = session.get(Project, project_id).team_id
        settings = project_settings(session, project_id)
        contexts = {file.path: context_for(file.path, file.content, settings) for file in files}
        reviewed = [file for file in files if contexts[file.path].role not in SKIPPED_ROLES]
        project_review = ProjectReview(
            project_id=project_id,
            user_id=user_id,
            file_count=len(reviewed),
            base_review_id=base_review_id,
            skipped=[
                {"path": file.path, "reason": contexts[file.path].role.value}
                for file in files
                if contexts[file.path].role in SKIPPED_ROLES
            ],
        )
        session.add(project_review)
        session.flush()
        for file in reviewed:
            review = _file_review(file, user_id, project_review.id, contexts[file.path])
            review.team_id = team_id
            if review.status not in project_progress.ENDED:
                self._route(session, review)
            session.add(review)
        return project_review

    def _route(self, session: Session, review: Review) -> None:
        cached = review_cache.find_result(session=session, cache_key=review.cache_key)
        if cached is not None:
            complete_from_cache(session, review, cached)
            self.cached_files += 1
            return
        key = review.cache_key
        leader = self.leaders.get(key) or coalescing.in_flight(session, key)
        self.leaders.setdefault(key, review.id)
        if leader is None:
            self.to_send.append(review.id)
        else:
            self.following.append((review.id, leader))

    def send(self) -> None:
        """Queue the reviews recorded (after the transaction committed)."""
        enqueue_reviews(self.to_send, get_settings().project_batch_files)
        for review_id, leader_id in self.following:
            coalescing.queue_unless_followed(review_id, leader_id)


def _count_review(user_id: uuid.UUID, rate_limited: bool) -> None:
    if rate_limited:
        rate_limits.enforce(rate_limits.Rule.PROJECT_REVIEW, rate_limits.per_user(user_id))


def _reviewable_files(
    session: Session, user_id: uuid.UUID, project_id: uuid.UUID, *, allow_none: bool = False
) -> list[ProjectFile]:
    """The user's project's files in a supported language, by path.

    Raises:
        NotFoundError: no such project of the user's.
        PermissionDeniedError: a viewer of the project's team.
        InvalidArchiveError: none of its files is in a supported language (unless `allow_none`).
    """
    project_for(session, user_id, project_id, TeamRole.MEMBER, "start reviews")
    files = session.exec(
        select(ProjectFile)
        .where(ProjectFile.project_id == project_id, ProjectFile.language.is_not(None))
        .order_by(ProjectFile.path)
    ).all()
    if not files and not allow_none:
        raise InvalidArchiveError("The project holds no file in a supported language.")
    return list(files)


def _file_review(
    file: ProjectFile, user_id: uuid.UUID, project_review_id: uuid.UUID, context: ReviewContext
) -> Review:
    """The review of one file; failed at once (with the reason) if it cannot be reviewed."""
    review = Review(
        user_id=user_id,
        language=file.language,
        filename=PurePosixPath(file.path).name[:255],
        path=file.path,
        code=file.content,
        cache_key=cache_key(file.language, file.content, llm_config(), context),
        project_review_id=project_review_id,
        context=None if context.is_default else context.model_dump(mode="json"),
        request_id=current_request_id(),
    )
    try:
        validate_code(file.content, get_settings().max_code_bytes)
    except InvalidSubmissionError as error:
        for name, value in review_results.failed_values(str(error)).items():
            setattr(review, name, value)
    return review
