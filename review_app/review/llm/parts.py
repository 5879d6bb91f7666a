"""Where a long file is cut for the LLM: between top-level definitions, each part fitting."""

from collections.abc import Callable

from review_app.review.parsing import top_level_starts

Room = Callable[[int, int], int]  # characters left for the code of lines first..last


def code_parts(
    code: str, language: str, lines: list[str], room: Room, max_parts: int
) -> list[tuple[int, int]]:
    """Line ranges (1-based, inclusive) that each fit their room, cut where definitions start.

    A definition too long for one part is cut between lines. Lines past `max_parts` parts are
    left out; no part at all when not even the first line fits.
    """
    total = len(lines)
    cuts = sorted({*top_level_starts(code, language), total + 1}) if total else []
    parts: list[tuple[int, int]] = []
    first = 1
    while first <= total and len(parts) < max_parts:
        last = _last_fitting_line(lines, first, room)
        if last < first:
            break
        boundary = max((cut - 1 for cut in cuts if first <= cut - 1 <= last), default=last)
        parts.append((first, boundary))
        first = boundary + 1
    return parts


def _last_fitting_line(lines: list[str], first: int, room: Room) -> int:
    """The last line from `first` on whose numbered text fits in the room of that range."""
    used, last = 0, first - 1
    for number in range(first, len(lines) + 1):
        used += len(lines[number - 1]) + 9  # "NNNNN | " and the newline
        if used > room(first, number):
            break
        last = number
    return last
