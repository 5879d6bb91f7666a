"""Query parameters several routes share, with the bounds the services enforce in the schema.

The services check these values and say why one is refused; the schema states the same bounds,
from the same constants, and FastAPI leaves the checking to the services.
"""

from typing import Annotated, Any

from fastapi import Query

from review_app.services.paging import MAX_OFFSET, MAX_PAGE_SIZE, SEARCH_TEXT_PATTERN

PageLimit = Annotated[
    int,
    Query(
        description=f"Page size, at least 1; above {MAX_PAGE_SIZE} it is {MAX_PAGE_SIZE}.",
        json_schema_extra={"minimum": 1},
    ),
]
PageOffset = Annotated[
    int,
    Query(
        description="How many items to skip.",
        json_schema_extra={"minimum": 0, "maximum": MAX_OFFSET},
    ),
]
SearchText = Annotated[str, Query(json_schema_extra={"pattern": SEARCH_TEXT_PATTERN})]


def date_range(start: str, end: str, max_days: int | None = None) -> dict[str, Any]:
    """An operation's `x-date-range`: its two date parameters, in order, at most `max_days` days
    apart counting both ends; a rule between two parameters no JSON Schema can state."""
    rule: dict[str, Any] = {"start": start, "end": end}
    if max_days is not None:
        rule["maxDays"] = max_days
    return {"x-date-range": rule}
