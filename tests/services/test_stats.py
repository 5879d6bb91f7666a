"""Dashboard statistics on seeded reviews, checked number by number on SQLite and PostgreSQL."""

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from review_app.db import engine_for, session_scope
from review_app.models import ReviewStatus, Role
from review_app.review.errors import UnsupportedLanguageError
from review_app.services.accounts import users as accounts
from review_app.services.errors import InvalidQueryError, PermissionDeniedError
from review_app.services.stats import MAX_SPAN_DAYS, review_stats
from support.seed import ADMIN_ACTOR as ADMIN
from support.seed import add_review

MARCH_1, MARCH_5 = date(2026, 3, 1), date(2026, 3, 5)


def at(day: int, hour: int = 12, minute: int = 0, second: int = 0) -> datetime:
    """A UTC time in March 2026 (day 0 is the last of February)."""
    return datetime(2026, 3, 1, hour, minute, second, tzinfo=UTC) + timedelta(days=day - 1)


@pytest.fixture
def far_from_utc(database_url: str) -> None:
    """PostgreSQL sessions in Tokyo's time zone, so a bucket by local day would be wrong."""
    if database_url.startswith("postgresql"):
        name = database_url.rsplit("/", 1)[-1]
        engine = engine_for(database_url)
        with engine.begin() as connection:
            connection.exec_driver_sql(f"ALTER DATABASE {name} SET timezone TO 'Asia/Tokyo'")
        engine.dispose()


@pytest.fixture
def seeded(user_id: uuid.UUID, far_from_utc) -> tuple[uuid.UUID, uuid.UUID]:
    """Ada's and Bob's reviews in early March, and two of Ada's just outside it."""
    with session_scope() as session:
        bob = accounts.create_user(
            session=session, email="bob@example.com", password="correct horse battery"
        ).id
    ada = user_id
    add_review(ada, at(0, 23, 59, 59), score=10, findings=(("critical", "bug", "F821", "x"),))
    add_review(
        ada,
        at(1, 9),
        score=80,
        tokens=(100, 50),
        findings=(
            ("high", "security", "B105", "Hardcoded password"),
            ("medium", "style", "E501", "Line too long (130 > 100)"),
            ("low", "style", "E501", "Line too long (120 > 100)"),
        ),
    )
    add_review(
        ada,
        at(1, 23, 59, 59),
        score=70,
        cached=True,
        findings=(
            ("high", "security", "B105", "Hardcoded password"),
            ("info", "documentation", None, "Missing docstring"),
        ),
    )
    add_review(
        ada,
        at(2, 0),
        language="go",
        score=95,
        tokens=(200, 100),
        findings=(("critical", "bug", "SA5011", "Possible nil pointer dereference"),),
    )
    add_review(ada, at(3), language="javascript", status=ReviewStatus.FAILED, error="boom")
    add_review(ada, at(3, 13), status=ReviewStatus.PENDING)
    add_review(ada, at(6, 0), score=0)
    add_review(
        bob,
        at(2, 10),
        score=60,
        tokens=(1000, 500),
        findings=(
            ("high", "security", "B105", "Hardcoded password"),
            ("medium", "performance", "PERF401", "Use a list comprehension"),
        ),
    )
    add_review(bob, at(5, 8), language="go", score=90, cached=True)
    return ada, bob


def counts(items) -> list[tuple]:
    """Each item's fields as a tuple, in order."""
    return [tuple(item.model_dump().values()) for item in items]


def test_a_users_numbers_count_only_their_reviews_in_the_range(seeded) -> None:
    ada, _ = seeded
    stats = review_stats(actor=ADMIN, user_id=ada, date_from=MARCH_1, date_to=MARCH_5)

    assert (stats.date_from, stats.date_to, stats.user_id, stats.language) == (
        MARCH_1,
        MARCH_5,
        ada,
        None,
    )
    assert (stats.reviews, stats.completed, stats.failed, stats.in_progress) == (5, 3, 1, 1)
    assert (stats.cached, stats.cache_hit_rate) == (1, 0.2)
    assert stats.average_score == 81.67  # (80 + 70 + 95) / 3
    assert (stats.prompt_tokens, stats.completion_tokens, stats.llm_tokens) == (300, 150, 450)
    assert counts(stats.per_day) == [
        (date(2026, 3, 1), 2, 75.0),
        (date(2026, 3, 2), 1, 95.0),
        (date(2026, 3, 3), 2, None),
        (date(2026, 3, 4), 0, None),
        (date(2026, 3, 5), 0, None),
    ]
    assert counts(stats.per_language) == [
        ("python", 3, 75.0),
        ("go", 1, 95.0),
        ("javascript", 1, None),
    ]
    assert stats.findings == 6
    assert counts(stats.findings_by_severity) == [
        ("critical", 1),
        ("high", 2),
        ("medium", 1),
        ("low", 1),
        ("info", 1),
    ]
    assert counts(stats.findings_by_category) == [
        ("security", 2),
        ("style", 2),
        ("bug", 1),
        ("documentation", 1),
    ]
    assert counts(stats.top_rules) == [
        ("B105", "Hardcoded password", 2),
        ("E501", "Line too long (… > …)", 2),  # not the first message seen
        ("SA5011", "Possible nil pointer dereference", 1),
    ]


def test_the_admin_scope_counts_every_user(seeded) -> None:
    stats = review_stats(actor=ADMIN, date_from=MARCH_1, date_to=MARCH_5)

    assert (stats.reviews, stats.completed, stats.failed, stats.in_progress) == (7, 5, 1, 1)
    assert (stats.cached, stats.cache_hit_rate) == (2, 0.2857)
    assert stats.average_score == 79.0  # (80 + 70 + 95 + 60 + 90) / 5
    assert (stats.prompt_tokens, stats.completion_tokens, stats.llm_tokens) == (1300, 650, 1950)
    assert [(day.reviews, day.average_score) for day in stats.per_day] == [
        (2, 75.0),
        (2, 77.5),
        (2, None),
        (0, None),
        (1, 90.0),
    ]
    assert counts(stats.per_language) == [
        ("python", 4, 70.0),
        ("go", 2, 92.5),
        ("javascript", 1, None),
    ]
    assert stats.findings == 8
    assert [item.count for item in stats.findings_by_severity] == [1, 3, 2, 1, 1]
    assert counts(stats.findings_by_category)[:2] == [("security", 3), ("style", 2)]
    assert counts(stats.top_rules)[0] == ("B105", "Hardcoded password", 3)
    assert len(stats.top_rules) == 4


def test_the_range_is_whole_utc_days_inclusive(seeded) -> None:
    ada, _ = seeded
    march_2 = date(2026, 3, 2)
    only_the_2nd = review_stats(actor=ADMIN, user_id=ada, date_from=march_2, date_to=march_2)
    assert (only_the_2nd.reviews, only_the_2nd.average_score) == (1, 95.0)  # 00:00:00 counts
    assert counts(only_the_2nd.findings_by_category) == [("bug", 1)]

    first_and_last = review_stats(
        actor=ADMIN, user_id=ada, date_from=date(2026, 2, 28), date_to=date(2026, 3, 6)
    )
    assert first_and_last.reviews == 7  # 23:59:59 the day before and 00:00 the day after
    assert first_and_last.per_day[0].reviews == first_and_last.per_day[-1].reviews == 1


def test_the_language_filter_takes_aliases(seeded) -> None:
    stats = review_stats(actor=ADMIN, date_from=MARCH_1, date_to=MARCH_5, language="py")
    assert stats.language == "python"
    assert (stats.reviews, stats.completed, stats.average_score) == (4, 3, 70.0)
    assert stats.findings == 7
    assert [language.language for language in stats.per_language] == ["python"]
    with pytest.raises(UnsupportedLanguageError):
        review_stats(actor=ADMIN, language="cobol")


def test_an_empty_range_has_zeros_and_no_rates(user_id: uuid.UUID) -> None:
    stats = review_stats(actor=ADMIN, user_id=user_id)
    today = datetime.now(UTC).date()
    assert (stats.date_from, stats.date_to) == (today - timedelta(days=29), today)
    assert (stats.reviews, stats.findings, stats.llm_tokens) == (0, 0, 0)
    assert (stats.cache_hit_rate, stats.average_score) == (None, None)
    assert len(stats.per_day) == 30
    assert [item.count for item in stats.findings_by_severity] == [0, 0, 0, 0, 0]
    assert stats.top_rules == stats.per_language == stats.findings_by_category == []


def test_a_reversed_or_too_long_range_is_refused(user_id: uuid.UUID) -> None:
    with pytest.raises(InvalidQueryError, match="after"):
        review_stats(actor=ADMIN, user_id=user_id, date_from=MARCH_5, date_to=MARCH_1)
    longest = review_stats(
        actor=ADMIN,
        user_id=user_id,
        date_from=MARCH_1,
        date_to=MARCH_1 + timedelta(MAX_SPAN_DAYS - 1),
    )
    assert len(longest.per_day) == MAX_SPAN_DAYS
    with pytest.raises(InvalidQueryError, match=f"more than {MAX_SPAN_DAYS} days"):
        review_stats(
            actor=ADMIN,
            user_id=user_id,
            date_from=MARCH_1,
            date_to=MARCH_1 + timedelta(MAX_SPAN_DAYS),
        )


def test_a_user_sees_only_their_own_numbers_whatever_they_ask(seeded) -> None:
    """The scope is decided by the service, for the API and the dashboard alike."""
    ada, bob = seeded
    as_ada = ADMIN.model_copy(update={"id": ada, "role": Role.USER})
    mine = review_stats(actor=as_ada, date_from=MARCH_1, date_to=MARCH_5)
    assert mine.user_id == ada
    assert mine == review_stats(actor=ADMIN, user_id=ada, date_from=MARCH_1, date_to=MARCH_5)
    with pytest.raises(PermissionDeniedError):
        review_stats(actor=as_ada, user_id=bob)
    assert review_stats(actor=ADMIN).user_id is None  # an admin's default: everyone's
