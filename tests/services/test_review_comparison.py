"""Resubmitting a file shows which findings were fixed and which are new."""

import uuid

from review_app.services.reviews import runs as review_runs
from review_app.services.reviews import submissions as reviews
from review_app.services.reviews.comparison import compare_with_previous

BEFORE = """import sqlite3

from flask import request


def find_orders(connection: sqlite3.Connection) -> list:
    query = "SELECT id FROM orders WHERE customer = '%s'" % request.args["customer"]
    return connection.execute(query).fetchall()


def add_tag(tag: str, tags=[]) -> list:
    tags.append(tag)
    return tags
"""

AFTER = """import sqlite3

from flask import request


def find_orders(connection: sqlite3.Connection) -> list:
    query = "SELECT id FROM orders WHERE customer = '%s'" % request.args["customer"]
    return connection.execute(query).fetchall()


def add_tag(tag: str, tags: list | None = None) -> list:
    tags = [] if tags is None else tags
    tags.append(tag)
    return tags


def total() -> float:
    return eval(request.args["expression"])
"""


def _reviewed(user_id: uuid.UUID, code: str, filename: str | None = "shop.py") -> uuid.UUID:
    submitted = reviews.submit_review(
        user_id=user_id, language="python", code=code, filename=filename
    )
    if not submitted.cached:
        attempt = review_runs.start_attempt(submitted.id)
        assert attempt is not None
        assert review_runs.run_attempt(attempt)
    return submitted.id


def test_fixed_and_new_findings_since_the_previous_review(user_id: uuid.UUID) -> None:
    first = _reviewed(user_id, BEFORE)
    second = _reviewed(user_id, AFTER)

    comparison = compare_with_previous(user_id=user_id, review_id=second)

    assert comparison is not None
    assert comparison.previous_id == first
    assert "B006" in {finding.rule for finding in comparison.fixed}
    new_rules = {finding.rule for finding in comparison.new}
    assert "python-code-injection" in new_rules
    assert "python-sql-injection" not in new_rules | {finding.rule for finding in comparison.fixed}
    assert comparison.unchanged >= 1


def test_nothing_to_compare_for_a_first_review_or_one_without_a_file_name(
    user_id: uuid.UUID,
) -> None:
    assert compare_with_previous(user_id=user_id, review_id=_reviewed(user_id, BEFORE)) is None
    _reviewed(user_id, BEFORE, filename=None)
    unnamed = _reviewed(user_id, AFTER, filename=None)
    assert compare_with_previous(user_id=user_id, review_id=unnamed) is None


def test_another_users_review_is_never_compared(user_id: uuid.UUID) -> None:
    _reviewed(user_id, BEFORE)
    second = _reviewed(user_id, AFTER)
    assert compare_with_previous(user_id=uuid.uuid4(), review_id=second) is None


def test_an_import_added_above_an_old_one_is_the_new_one(user_id: uuid.UUID) -> None:
    """Matching by rule alone called the old unused import new, and the added one unchanged."""
    old = "import os\n\n\ndef hello() -> str:\n    return 'hello'\n"
    _reviewed(user_id, old)
    second = _reviewed(user_id, "import json\n" + old)

    comparison = compare_with_previous(user_id=user_id, review_id=second)

    assert [(finding.rule, finding.line) for finding in comparison.new] == [("F401", 1)]
    assert "`json`" in comparison.new[0].title
    assert comparison.fixed == []
    assert comparison.unchanged >= 1
