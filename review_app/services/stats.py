"""Review statistics for the dashboard and `GET /api/stats`, computed by GROUP BY in SQL.

Days are UTC calendar days; a range is inclusive at both ends. The same query answers on SQLite
and PostgreSQL: only the day bucket differs by dialect (`utc_day`).
"""

import re
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, Date, case, func
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session, select

from review_app.db import session_scope
from review_app.models import (
    Project,
    ProjectReview,
    Review,
    ReviewFinding,
    ReviewStatus,
    TeamRole,
)
from review_app.review.languages import resolve_language
from review_app.review.models import Severity
from review_app.services.accounts.identity import CurrentUser
from review_app.services.errors import InvalidQueryError, PermissionDeniedError
from review_app.services.teams.access import require_role

DEFAULT_SPAN_DAYS = 30
MAX_SPAN_DAYS = 366
TOP_RULES = 10
TITLES_COMPARED = 50  # distinct messages read to name a rule's findings
_VARYING = re.compile(r"`[^`]*`|\d+")  # names and numbers a message quotes


class utc_day(FunctionElement):  # noqa: N801  (a SQL function, named like one)
    """The UTC calendar day of a timestamp column, as a DATE."""

    type = Date()
    name = "utc_day"
    inherit_cache = True


@compiles(utc_day)
def _utc_day_sqlite(element: utc_day, compiler, **kw) -> str:
    """SQLite stores UTC timestamps as text without an offset; date() takes their day."""
    return f"date({compiler.process(element.clauses, **kw)})"


@compiles(utc_day, "postgresql")
def _utc_day_postgresql(element: utc_day, compiler, **kw) -> str:
    """A timestamptz's day depends on the session time zone, so convert to UTC first."""
    return f"CAST(timezone('UTC', {compiler.process(element.clauses, **kw)}) AS DATE)"


class DailyReviews(BaseModel):
    """One day of the time series (days without reviews included, with zero)."""

    day: date
    reviews: int
    average_score: float | None = Field(description="Of the day's completed reviews.")


class LanguageScore(BaseModel):
    """Reviews of one language and their average score."""

    language: str
    reviews: int
    average_score: float | None


class NamedCount(BaseModel):
    """How many findings have one severity or category."""

    name: str
    count: int


class RuleCount(BaseModel):
    """One of the most frequent rules among the findings."""

    rule: str
    title: str
    count: int


class ReviewStats(BaseModel):
    """Everything the dashboard shows for one scope, range and language."""

    date_from: date
    date_to: date
    language: str | None
    user_id: uuid.UUID | None = Field(description="Whose reviews; null: every user's.")
    team_id: uuid.UUID | None = Field(
        default=None, description="The team whose projects' reviews these are, if one."
    )
    reviews: int
    completed: int
    failed: int
    in_progress: int = Field(description="Pending or running.")
    cached: int = Field(description="Completed at once from the result cache.")
    cache_hit_rate: float | None = Field(description="cached / reviews, 0-1; null without reviews.")
    average_score: float | None
    findings: int
    project_reviews: int = Field(description="Whole-project reviews (a language filter: none).")
    project_files: int = Field(description="Reviews of a project's files, among `reviews`.")
    prompt_tokens: int
    completion_tokens: int
    llm_tokens: int = Field(description="Total LLM tokens used (prompt + completion).")
    per_day: list[DailyReviews]
    per_language: list[LanguageScore]
    findings_by_severity: list[NamedCount] = Field(description="Every severity, most severe first.")
    findings_by_category: list[NamedCount] = Field(description="Most frequent first.")
    top_rules: list[RuleCount] = Field(description=f"At most {TOP_RULES}, most frequent first.")


def stats_scope(actor: CurrentUser, user_id: uuid.UUID | None) -> uuid.UUID | None:
    """Whose reviews `actor` sees counted: their own; an admin's choice (None: everyone's).

    Raises:
        PermissionDeniedError: a non-admin asked for another user's statistics.
    """
    if actor.is_admin:
        return user_id
    if user_id is not None and user_id != actor.id:
        raise PermissionDeniedError("Only admins may see another user's statistics.")
    return actor.id


def review_stats(
    *,
    actor: CurrentUser,
    user_id: uuid.UUID | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    language: str | None = None,
    team_id: uuid.UUID | None = None,
) -> ReviewStats:
    """Statistics of the reviews `actor` may see (`stats_scope`) between two days inclusive;
    with `team_id`, of every review of that team's projects (any member sees them).

    Raises:
        NotFoundError: no such team of the actor's.
        PermissionDeniedError: a non-admin asked for another user's statistics.
        InvalidQueryError: the range is reversed or longer than MAX_SPAN_DAYS.
        UnsupportedLanguageError: the language filter names no supported language.
    """
    scope_user_id = stats_scope(actor, user_id) if team_id is None else None
    owner = _of_user(scope_user_id) if team_id is None else _of_team(team_id)
    date_from, date_to = _resolve_range(date_from, date_to)
    language = resolve_language(language, None) if language else None
    review_scope = _scope(Review, owner, date_from, date_to, language)
    finding_scope = _scope(ReviewFinding, owner, date_from, date_to, language)
    with session_scope() as session:
        if team_id is not None:
            require_role(session, team_id, actor.id, TeamRole.VIEWER, "see its statistics")
        by_severity = _by_severity(session, finding_scope)
        return ReviewStats(
            date_from=date_from,
            date_to=date_to,
            language=language,
            user_id=scope_user_id,
            team_id=team_id,
            **_totals(session, review_scope),
            findings=sum(item.count for item in by_severity),
            project_reviews=_project_reviews(session, owner, date_from, date_to, language),
            per_day=_per_day(session, review_scope, date_from, date_to),
            per_language=_per_language(session, review_scope),
            findings_by_severity=by_severity,
            findings_by_category=_counts_by(session, ReviewFinding.category, finding_scope),
            top_rules=_top_rules(session, finding_scope),
        )


def _resolve_range(date_from: date | None, date_to: date | None) -> tuple[date, date]:
    """Fill in a missing end: `from` alone runs to today, `to` alone covers the default span.

    Raises:
        InvalidQueryError: the range is reversed or longer than MAX_SPAN_DAYS.
    """
    today = datetime.now(UTC).date()
    date_to = date_to or today
    span = min(DEFAULT_SPAN_DAYS - 1, (date_to - date.min).days)  # none before year 1
    date_from = date_from or date_to - timedelta(days=span)
    if date_from > date_to:
        raise InvalidQueryError(f"'from' ({date_from}) is after 'to' ({date_to}).")
    if (date_to - date_from).days + 1 > MAX_SPAN_DAYS:
        raise InvalidQueryError(f"The range spans more than {MAX_SPAN_DAYS} days; choose less.")
    return date_from, date_to


Table = type[Review] | type[ReviewFinding] | type[ProjectReview]
Owner = Callable[[Table], ColumnElement[bool] | None]  # whose rows: the condition on a table


def _of_user(user_id: uuid.UUID | None) -> Owner:
    """The rows of one user (None: everyone's)."""
    return lambda table: None if user_id is None else table.user_id == user_id


def _of_team(team_id: uuid.UUID) -> Owner:
    """The rows of a team's projects: their reviews and project reviews, and their findings."""
    reviews = select(Review.id).where(Review.team_id == team_id)
    projects = select(Project.id).where(Project.team_id == team_id)
    conditions = {
        Review: Review.team_id == team_id,
        ReviewFinding: ReviewFinding.review_id.in_(reviews),
        ProjectReview: ProjectReview.project_id.in_(projects),
    }
    return conditions.__getitem__


def _scope(
    table: Table, owner: Owner, date_from: date, date_to: date, language: str | None
) -> list[ColumnElement[bool]]:
    """The WHERE conditions shared by reviews and findings (both carry user, time, language)."""
    conditions = [table.created_at >= datetime.combine(date_from, time.min, UTC)]
    if date_to < date.max:  # nothing is created after date.max
        end = datetime.combine(date_to + timedelta(days=1), time.min, UTC)
        conditions.append(table.created_at < end)
    if (owned := owner(table)) is not None:
        conditions.append(owned)
    if language is not None:
        conditions.append(table.language == language)
    return conditions


def _average(value: Decimal | float | None) -> float | None:
    """An SQL average as a float rounded to 2 places (PostgreSQL answers a Decimal)."""
    return None if value is None else round(float(value), 2)


def _count_where(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _totals(session: Session, scope: list[ColumnElement[bool]]) -> dict:
    in_progress = Review.status.in_((ReviewStatus.PENDING, ReviewStatus.RUNNING))
    row = session.exec(
        select(
            func.count(),
            _count_where(Review.status == ReviewStatus.COMPLETED),
            _count_where(Review.status == ReviewStatus.FAILED),
            _count_where(in_progress),
            _count_where(Review.cached.is_(True)),
            _count_where(Review.project_review_id.is_not(None)),
            func.avg(Review.score),
            func.coalesce(func.sum(Review.prompt_tokens), 0),
            func.coalesce(func.sum(Review.completion_tokens), 0),
            func.coalesce(func.sum(Review.total_tokens), 0),
        ).where(*scope)
    ).one()
    reviews, completed, failed, pending, cached, project_files, average, *tokens = row
    prompt, completion, total = tokens
    return {
        "reviews": reviews,
        "completed": completed,
        "failed": failed,
        "in_progress": pending,
        "cached": cached,
        "cache_hit_rate": round(cached / reviews, 4) if reviews else None,
        "project_files": project_files,
        "average_score": _average(average),
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "llm_tokens": total,
    }


def _project_reviews(
    session: Session, owner: Owner, date_from: date, date_to: date, language: str | None
) -> int:
    """How many whole-project reviews started in the range (none has a single language)."""
    if language is not None:
        return 0
    project_scope = _scope(ProjectReview, owner, date_from, date_to, None)
    return session.exec(select(func.count()).select_from(ProjectReview).where(*project_scope)).one()


def _per_day(
    session: Session, scope: list[ColumnElement[bool]], date_from: date, date_to: date
) -> list[DailyReviews]:
    """Reviews and average score per UTC day, every day of the range present."""
    day = utc_day(Review.created_at)
    rows = session.exec(
        select(day, func.count(), func.avg(Review.score)).where(*scope).group_by(day)
    ).all()
    found = {bucket: (count, _average(average)) for bucket, count, average in rows}
    series = []
    for offset in range((date_to - date_from).days + 1):
        each = date_from + timedelta(days=offset)
        count, average = found.get(each, (0, None))
        series.append(DailyReviews(day=each, reviews=count, average_score=average))
    return series


def _per_language(session: Session, scope: list[ColumnElement[bool]]) -> list[LanguageScore]:
    """Reviews and average score per language, the most reviewed first."""
    count = func.count()
    rows = session.exec(
        select(Review.language, count, func.avg(Review.score))
        .where(*scope)
        .group_by(Review.language)
        .order_by(count.desc(), Review.language)
    ).all()
    return [
        LanguageScore(language=language, reviews=reviews, average_score=_average(average))
        for language, reviews, average in rows
    ]


def _counts_by(
    session: Session, column: ColumnElement[str], scope: list[ColumnElement[bool]]
) -> list[NamedCount]:
    """Findings per value of `column`, the most frequent first."""
    count = func.count()
    rows = session.exec(
        select(column, count).where(*scope).group_by(column).order_by(count.desc(), column)
    ).all()
    return [NamedCount(name=name, count=total) for name, total in rows]


def _by_severity(session: Session, scope: list[ColumnElement[bool]]) -> list[NamedCount]:
    """Findings per severity, every severity listed (most severe first), zero included."""
    counts = {item.name: item.count for item in _counts_by(session, ReviewFinding.severity, scope)}
    known = [NamedCount(name=level.value, count=counts.pop(level.value, 0)) for level in Severity]
    return known + [NamedCount(name=name, count=total) for name, total in counts.items()]


def _top_rules(session: Session, scope: list[ColumnElement[bool]]) -> list[RuleCount]:
    """The rules found most often (findings without a rule, from the LLM mostly, left out)."""
    count = func.count()
    rows = session.exec(
        select(ReviewFinding.rule, count)
        .where(*scope, ReviewFinding.rule.is_not(None))
        .group_by(ReviewFinding.rule)
        .order_by(count.desc(), ReviewFinding.rule)
        .limit(TOP_RULES)
    ).all()
    return [
        RuleCount(rule=rule, title=_rule_title(session, scope, rule), count=total)
        for rule, total in rows
    ]


def _rule_title(session: Session, scope: list[ColumnElement[bool]], rule: str) -> str:
    """What a rule's findings say, with what differs between them (`json`, `os`) left out."""
    titles = session.exec(
        select(ReviewFinding.title)
        .where(*scope, ReviewFinding.rule == rule)
        .distinct()
        .limit(TITLES_COMPARED)
    ).all()
    if len(titles) == 1:
        return titles[0]
    shapes = {_VARYING.sub(_elided, title) for title in titles}
    return shapes.pop() if len(shapes) == 1 else f"{rule} (messages vary)"


def _elided(quoted: re.Match[str]) -> str:
    return "`…`" if quoted.group().startswith("`") else "…"
