"""Reviewing a whole project: one review per file, run in parallel by the workers.

Starting one records a `Review` per file in a supported language, all in one transaction: a
file whose content was reviewed before (same cache key) completes at once from the cache, one
identical to a review in flight follows it, and the rest go to the workers as one Celery group.
Each file's review ends as a single review does; the last to end completes the project review
(see `reviews.project_progress`). A resubmitted project so re-runs only the files that changed.
"""

import uuid
from pathlib import PurePosixPath

from sqlmodel import Session, select

from review_app.db import session_scope
from review_app.models import Project, ProjectFile, ProjectReview, Review
from review_app.review.cache_key import cache_key
from review_app.review.errors import InvalidSubmissionError
from review_app.review.validation import validate_code
from review_app.services import rate_limits
from review_app.services.errors import NotFoundError
from review_app.services.projects.errors import InvalidArchiveError
from review_app.services.projects.review_views import StartedProjectReview
from review_app.services.reviews import cache as review_cache
from review_app.services.reviews import coalescing, project_progress
from review_app.services.reviews import results as review_results
from review_app.services.reviews.submissions import complete_from_cache, llm_config
from review_app.settings import get_settings
from review_app.work_queue.enqueue import enqueue_reviews


def start_project_review(*, user_id: uuid.UUID, project_id: uuid.UUID) -> StartedProjectReview:
    """Review every file of the user's project that is in a supported language.

    Raises:
        NotFoundError: no such project, or it belongs to someone else.
        InvalidArchiveError: the project holds no file in a supported language.
        RateLimitedError: over the user's project review limit (RATE_LIMIT_PROJECT_REVIEW).
    """
    to_queue: list[uuid.UUID] = []
    following: list[tuple[uuid.UUID, uuid.UUID]] = []  # (review, the review it follows)
    cached_files = 0
    with session_scope() as session:
        files = _reviewable_files(session, user_id, project_id)
        rate_limits.enforce(rate_limits.Rule.PROJECT_REVIEW, rate_limits.per_user(user_id))
        project_review = ProjectReview(
            project_id=project_id, user_id=user_id, file_count=len(files)
        )
        session.add(project_review)
        session.flush()
        leaders: dict[str, uuid.UUID] = {}
        for file in files:
            review = _file_review(file, user_id, project_review.id)
            if review.status in project_progress.ENDED:  # it cannot be reviewed
                session.add(review)
                continue
            cached = review_cache.find_result(session=session, cache_key=review.cache_key)
            if cached is not None:
                complete_from_cache(session, review, cached)
                cached_files += 1
            else:
                leader = leaders.get(review.cache_key) or coalescing.in_flight(
                    session, review.cache_key
                )
                leaders.setdefault(review.cache_key, review.id)
                if leader is None:
                    to_queue.append(review.id)
                else:
                    following.append((review.id, leader))
            session.add(review)
    enqueue_reviews(to_queue)
    for review_id, leader_id in following:
        coalescing.queue_unless_followed(review_id, leader_id)
    project_progress.advance(project_review.id)
    return StartedProjectReview(
        id=project_review.id,
        project_id=project_id,
        file_count=len(files),
        cached_files=cached_files,
    )


def _reviewable_files(
    session: Session, user_id: uuid.UUID, project_id: uuid.UUID
) -> list[ProjectFile]:
    """The user's project's files in a supported language, by path.

    Raises:
        NotFoundError: no such project of the user's.
        InvalidArchiveError: none of its files is in a supported language.
    """
    project = session.get(Project, project_id)
    if project is None or project.user_id != user_id:
        raise NotFoundError("No project with this id.")
    files = session.exec(
        select(ProjectFile)
        .where(ProjectFile.project_id == project_id, ProjectFile.language.is_not(None))
        .order_by(ProjectFile.path)
    ).all()
    if not files:
        raise InvalidArchiveError("The project holds no file in a supported language.")
    return list(files)


def _file_review(file: ProjectFile, user_id: uuid.UUID, project_review_id: uuid.UUID) -> Review:
    """The review of one file; failed at once (with the reason) if it cannot be reviewed."""
    review = Review(
        user_id=user_id,
        language=file.language,
        filename=PurePosixPath(file.path).name[:255],
        path=file.path,
        code=file.content,
        cache_key=cache_key(file.language, file.content, llm_config()),
        project_review_id=project_review_id,
    )
    try:
        validate_code(file.content, get_settings().max_code_bytes)
    except InvalidSubmissionError as error:
        for name, value in review_results.failed_values(str(error)).items():
            setattr(review, name, value)
    return review
