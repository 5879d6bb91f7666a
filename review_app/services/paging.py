"""Checking a page request (limit and offset) the same way everywhere."""

from review_app.services.errors import InvalidQueryError

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def checked_limit(limit: int, offset: int) -> int:
    """The page size to use: `limit` lowered to MAX_PAGE_SIZE.

    Raises:
        InvalidQueryError: limit below 1 or offset below 0.
    """
    if limit < 1:
        raise InvalidQueryError("limit must be at least 1.")
    if offset < 0:
        raise InvalidQueryError("offset must be 0 or more.")
    return min(limit, MAX_PAGE_SIZE)
