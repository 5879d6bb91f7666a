"""Checking a page request (limit and offset) and reading a page, the same way everywhere."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, func
from sqlalchemy.orm import defer
from sqlmodel import Session, select

from review_app.services.errors import InvalidQueryError

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_OFFSET = 1_000_000_000  # past any list, and well inside the databases' 64-bit integers
SEARCH_TEXT_PATTERN = "^[^\\u0000]*$"  # what checked_search accepts, as a JSON Schema pattern


def checked_limit(limit: int, offset: int) -> int:
    """The page size to use: `limit` lowered to MAX_PAGE_SIZE.

    Raises:
        InvalidQueryError: limit below 1, or offset below 0 or above MAX_OFFSET.
    """
    if limit < 1:
        raise InvalidQueryError("limit must be at least 1.")
    if offset < 0:
        raise InvalidQueryError("offset must be 0 or more.")
    if offset > MAX_OFFSET:
        raise InvalidQueryError(f"offset must be at most {MAX_OFFSET:,}.")
    return min(limit, MAX_PAGE_SIZE)


def checked_search(text: str | None) -> str:
    """Search text without surrounding blanks ("" for none).

    Raises:
        InvalidQueryError: it holds a NUL character, which no stored text holds and PostgreSQL
            refuses in a query.
    """
    text = (text or "").strip()
    if "\x00" in text:
        raise InvalidQueryError("The search text contains a NUL character.")
    return text


def newest_first(
    session: Session,
    model: Any,
    conditions: Sequence[ColumnElement[bool]],
    *,
    limit: int,
    offset: int,
    deferred: Sequence[Any] = (),
) -> tuple[int, list]:
    """How many rows of `model` (a table with `created_at` and `id`) meet `conditions`, and
    the page of them from `offset`, newest first, without loading the `deferred` columns."""
    total = session.exec(select(func.count()).select_from(model).where(*conditions)).one()
    rows = session.exec(
        select(model)
        .options(*(defer(column) for column in deferred))
        .where(*conditions)
        .order_by(model.created_at.desc(), model.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    return total, list(rows)
