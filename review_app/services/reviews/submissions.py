"""Submitting code for review and reading reviews back; the API and the pages both call these.

A submission is one database insert and, unless the result is cached, one message on the queue.
"""

import logging
import re
import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, NoReturn

from pydantic import BaseModel, BeforeValidator, Field, ValidationError, WithJsonSchema
from redis import RedisError
from sqlalchemy import func, update
from sqlmodel import Session

from review_app.db import session_scope
from review_app.models import Review, ReviewStatus
from review_app.redis_client import KEY_PREFIX, get_redis
from review_app.request_ids import current_request_id
from review_app.review.cache_key import cache_key
from review_app.review.languages import SUPPORTED_LANGUAGES, resolve_language
from review_app.review.models import LLMConfig, ReviewContext, ReviewResult
from review_app.review.project_settings import rules_context
from review_app.review.validation import validate_code
from review_app.services import rate_limits
from review_app.services.errors import (
    InvalidFilenameError,
    InvalidQueryError,
    NotFoundError,
    ServiceUnavailableError,
)
from review_app.services.live_channel import ProgressEvent, publish
from review_app.services.paging import (
    SEARCH_TEXT_PATTERN,
    checked_limit,
    checked_search,
    newest_first,
)
from review_app.services.reviews import cache as review_cache
from review_app.services.reviews import coalescing
from review_app.services.reviews import results as review_results
from review_app.services.reviews.views import (
    ReviewDetail,
    ReviewPage,
    ReviewSummary,
    SubmittedReview,
)
from review_app.services.teams.access import may_read_review
from review_app.services.teams.workspace_config import config_of
from review_app.settings import get_settings

logger = logging.getLogger(__name__)

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_FILENAME_LENGTH = 255
QUEUE_DOWN = (
    "The service is unavailable right now (its review queue is down): the review was not "
    "queued; try again shortly."
)


def llm_config() -> LLMConfig:
    """The LLM the settings describe (no base URL: static analysis only)."""
    settings = get_settings()
    return LLMConfig(
        base_url=settings.llm_base_url,
        api_key=settings.llm_api_key,
        model=settings.llm_model,
        timeout_seconds=settings.llm_timeout_seconds,
        max_retries=settings.llm_max_retries,
        max_tokens=settings.llm_max_tokens,
        max_parts=settings.llm_max_parts,
    )


def submit_review(
    *,
    user_id: uuid.UUID,
    language: str | None,
    code: str | bytes,
    filename: str | None = None,
    client_ip: str | None = None,
) -> SubmittedReview:
    """Validate and record a submission; a cached result completes it at once, else it is queued.

    A cached answer is free. Otherwise a valid submission counts against the user's submission
    limit and, with `client_ip`, that address's; one identical to a review in flight follows
    that review (see coalescing) instead of running again.

    Raises:
        RateLimitedError: over the user's or the address's submission limit.
        InvalidSubmissionError: the code or language cannot be reviewed (CodeTooLargeError,
            EmptyCodeError, BinaryCodeError, InvalidEncodingError, UnsupportedLanguageError).
        ServiceUnavailableError: the broker did not take the review (it is recorded failed).
    """
    text = validate_code(code, get_settings().max_code_bytes)
    filename = _clean_filename(filename)
    language = resolve_language(language, filename)
    leader_id = None
    with session_scope() as session:
        context = _personal_context(session, user_id, language)
        key = cache_key(language, text, llm_config(), context)
        review = Review(
            user_id=user_id,
            language=language,
            filename=filename,
            code=text,
            cache_key=key,
            context=None if context.is_default else context.model_dump(mode="json"),
            request_id=current_request_id(),
        )
        cached = review_cache.find_result(session=session, cache_key=key)
        if cached is not None:
            complete_from_cache(session, review, cached)
        else:
            _count_submission(user_id, client_ip)
            leader_id = coalescing.in_flight(session, key)
        session.add(review)
    logger.info(
        "review submitted",
        extra={"review_id": str(review.id), "language": language, "cached": review.cached},
    )
    publish(ProgressEvent.model_validate(review), user_id)
    if cached is None and not coalescing.queue_unless_followed(review.id, leader_id):
        _refuse_unqueued(review.id, user_id)
    return SubmittedReview(id=review.id, status=review.status, cached=review.cached)


def _refuse_unqueued(review_id: uuid.UUID, user_id: uuid.UUID) -> NoReturn:
    """The broker did not take the review: it fails at once, saying why, and the caller is told
    (503), as when Redis is down, rather than left waiting for the sweeper.

    Raises:
        ServiceUnavailableError: always.
    """
    with session_scope() as session:
        session.exec(
            update(Review)
            .where(Review.id == review_id, Review.status == ReviewStatus.PENDING)
            .values(**review_results.failed_values(QUEUE_DOWN))
        )
        review = session.get(Review, review_id)
    if review is not None:
        publish(ProgressEvent.model_validate(review), user_id)
    raise ServiceUnavailableError(QUEUE_DOWN)


def _personal_context(session: Session, user_id: uuid.UUID, language: str) -> ReviewContext:
    """The user's own rule configuration for a file reviewed on its own (none: the default)."""
    personal = config_of(session, team_id=None, user_id=user_id)
    if personal is None:
        return ReviewContext()
    config, source = personal
    return rules_context(config, language, source)


def _count_submission(user_id: uuid.UUID, client_ip: str | None) -> None:
    """Count one queued review against the user's limit, and the address's when known.

    The address is checked first, so a refusal there uses up none of the user's quota.
    """
    if client_ip is not None:
        rate_limits.check(rate_limits.Rule.SUBMIT_IP, rate_limits.per_ip(client_ip))
    rate_limits.enforce(rate_limits.Rule.SUBMIT, rate_limits.per_user(user_id))
    if client_ip is not None:
        rate_limits.enforce(rate_limits.Rule.SUBMIT_IP, rate_limits.per_ip(client_ip))


def complete_from_cache(session: Session, review: Review, result: ReviewResult) -> None:
    """Make `review` (not yet added) a completed copy of a cached result, findings included."""
    for name, value in review_results.completed_values(result, cached=True).items():
        setattr(review, name, value)
    review.started_at = review.finished_at
    session.add(review)
    session.flush()
    review_results.add_findings(session, review, result)


def _clean_filename(filename: str | None) -> str | None:
    """The file name without surrounding blanks; None when empty."""
    if filename is None or not filename.strip():
        return None
    filename = filename.strip()
    if len(filename) > MAX_FILENAME_LENGTH:
        limit = MAX_FILENAME_LENGTH
        raise InvalidFilenameError(f"The file name is longer than {limit} characters.")
    if any(ord(character) < 32 or ord(character) == 127 for character in filename):
        raise InvalidFilenameError("The file name contains control characters.")
    try:
        filename.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, sent as a JSON escape
        raise InvalidFilenameError("The file name is not valid UTF-8.") from None
    return filename


class _CachedDetail(BaseModel):
    """A finished review in the read cache, with its author so no one else is served it (a
    team's review is checked against the team's members each time)."""

    user_id: uuid.UUID
    team_id: uuid.UUID | None = None
    review: ReviewDetail


def _detail_key(review_id: uuid.UUID) -> str:
    return f"{KEY_PREFIX}review-detail:{review_id}"


def forget_cached_review(review_id: uuid.UUID) -> None:
    """Drop a review from the read cache, because it is about to change (an admin re-run)."""
    try:
        get_redis().delete(_detail_key(review_id))
    except RedisError as error:
        logger.warning("review %s may be served stale for a while: %s", review_id, error)


def get_review(*, user_id: uuid.UUID, review_id: uuid.UUID) -> ReviewDetail:
    """One of the user's reviews, or of their teams'; a finished one is served from Redis for
    a short while.

    Raises:
        NotFoundError: no such review, or it belongs to someone else.
    """
    cached = _read_cached_detail(review_id)
    if cached is not None and cached.team_id is None and cached.user_id == user_id:
        return cached.review
    with session_scope() as session:
        review = session.get(Review, review_id)
        if review is None or not may_read_review(session, user_id, review):
            raise NotFoundError("No review with this id.")
        detail = ReviewDetail.of(review)
        author = _CachedDetail(user_id=review.user_id, team_id=review.team_id, review=detail)
    if detail.finished:
        _cache_detail(author)
    return detail


def _read_cached_detail(review_id: uuid.UUID) -> _CachedDetail | None:
    try:
        raw = get_redis().get(_detail_key(review_id))
        return _CachedDetail.model_validate_json(raw) if raw else None
    except (RedisError, ValidationError) as error:
        logger.warning("review read cache unavailable: %s", error)
        return None


def _cache_detail(cached: _CachedDetail) -> None:
    ttl = get_settings().review_read_cache_seconds
    if ttl <= 0:
        return
    try:
        get_redis().set(_detail_key(cached.review.id), cached.model_dump_json(), ex=ttl)
    except RedisError as error:
        logger.warning("review %s not cached for reading: %s", cached.review.id, error)


# A schema names the canonical values, and "" for none given; an alias (py, golang) or another
# letter case is read too.
LanguageName = Annotated[
    str,
    Field(max_length=64),
    WithJsonSchema(
        {
            "type": "string",
            "enum": [*SUPPORTED_LANGUAGES, ""],
            "description": "Empty is none; aliases such as py or golang, in any case, are read.",
        }
    ),
]
StatusName = Annotated[
    str,
    Field(max_length=32),
    WithJsonSchema(
        {
            "type": "string",
            "enum": [*(status.value for status in ReviewStatus), ""],
            "description": "Empty is none; any letter case is read.",
        }
    ),
]


def _day_text_only(value: object) -> object:
    """Text is a day only as YYYY-MM-DD (pydantic would read "0" as 1970-01-01, a Unix time)."""
    if isinstance(value, str) and not re.fullmatch("[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError("Write a day as YYYY-MM-DD.")
    return value


CalendarDay = Annotated[date, BeforeValidator(_day_text_only)]


class ReviewFilters(BaseModel):
    """Which of a user's reviews to list; every filter is optional."""

    language: LanguageName | None = None
    status: StatusName | None = None
    filename: str | None = Field(
        default=None,
        max_length=MAX_FILENAME_LENGTH,
        json_schema_extra={"pattern": SEARCH_TEXT_PATTERN},
        description="Part of the file name, any case; it cannot hold a NUL character.",
    )
    date_from: CalendarDay | None = Field(default=None, description="Created on or after (UTC).")
    date_to: CalendarDay | None = Field(
        default=None, description="Created on or before (UTC); not before date_from."
    )


def list_reviews(
    *,
    user_id: uuid.UUID,
    filters: ReviewFilters | None = None,
    limit: int = DEFAULT_PAGE_SIZE,
    offset: int = 0,
) -> ReviewPage:
    """The user's reviews, newest first, narrowed by `filters`.

    `limit` above MAX_PAGE_SIZE is lowered to it; the file name matches as a case-insensitive
    substring (wildcards in it are taken literally).

    Raises:
        InvalidQueryError: a paging value out of range, an unknown status, a NUL in the file
            name, or dates reversed.
        UnsupportedLanguageError: the language filter names no supported language.
    """
    limit = checked_limit(limit, offset)
    conditions = [
        Review.user_id == user_id,
        Review.project_review_id.is_(None),  # a project review's files show with it
        *_filter_conditions(filters or ReviewFilters()),
    ]
    with session_scope() as session:
        total, rows = newest_first(
            session,
            Review,
            conditions,
            limit=limit,
            offset=offset,
            deferred=(Review.code, Review.result),
        )
        items = [ReviewSummary.model_validate(review) for review in rows]
    return ReviewPage(items=items, total=total, limit=limit, offset=offset)


def _filter_conditions(filters: ReviewFilters) -> list:
    """SQL conditions for the filters that are set."""
    conditions = []
    if filters.language:
        conditions.append(Review.language == resolve_language(filters.language, None))
    if filters.status:
        conditions.append(Review.status == _parse_status(filters.status))
    if needle := checked_search(filters.filename).lower():
        conditions.append(func.lower(Review.filename).contains(needle, autoescape=True))
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        raise InvalidQueryError("The start date is after the end date.")
    if filters.date_from:
        conditions.append(Review.created_at >= _start_of(filters.date_from))
    if filters.date_to and filters.date_to < date.max:  # nothing is created after date.max
        conditions.append(Review.created_at < _start_of(filters.date_to + timedelta(days=1)))
    return conditions


def _start_of(day: date) -> datetime:
    """Midnight UTC at the start of `day`."""
    return datetime.combine(day, time.min, tzinfo=UTC)


def _parse_status(status: str) -> ReviewStatus:
    try:
        return ReviewStatus(status.strip().lower())
    except ValueError:
        names = ", ".join(member.value for member in ReviewStatus)
        raise InvalidQueryError(f"That is not a status; use one of: {names}.") from None
