"""Unified diffs for suggested fixes: made with difflib, checked with whatthepatch."""

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

import whatthepatch
from whatthepatch.exceptions import WhatThePatchException

from review_app.review.errors import PatchApplyError
from review_app.review.source_text import split_lines

_DIFF_HEADER = re.compile(r"^(?P<side>---|\+\+\+) (?P<prefix>[ab]/)\S+$", re.MULTILINE)
_FENCE = re.compile(r"^\s*```[\w-]*\n(?P<body>.*?)\n?```\s*$", re.DOTALL)


def make_unified_diff(original: str, fixed: str, filename: str) -> str:
    """A unified diff turning `original` into `fixed`, with a/ and b/ headers like git."""
    return "".join(
        difflib.unified_diff(
            original.splitlines(keepends=True),
            fixed.splitlines(keepends=True),
            fromfile=f"a/{filename}",
            tofile=f"b/{filename}",
        )
    )


def with_file_name(diff: str, path: str) -> str:
    """The diff with its a/ and b/ headers naming `path` (tools see the code under a made-up
    name such as submission.py)."""
    return _DIFF_HEADER.sub(lambda header: f"{header['side']} {header['prefix']}{path}", diff)


def unfence(diff: str) -> str:
    """The diff without the markdown fences an LLM may wrap it in."""
    fenced = _FENCE.match(diff)
    return fenced.group("body") + "\n" if fenced else diff


def apply_unified_diff(original: str, diff: str) -> str:
    """The code after applying `diff`, where its lines are or, moved by other edits, nearby.

    A fix computed for the reviewed code still applies after earlier fixes moved or touched the
    lines around it: its hunks are found by their text, the nearest match first, and like GNU
    patch's fuzz, up to MAX_FUZZ context lines at each end may differ (removed lines never).

    Raises:
        PatchApplyError: `diff` is not one unified diff whose lines are in `original`, or it
            changes nothing.
    """
    lines = split_lines(original)
    patched_lines, _ = _patched(lines, _hunks(diff))
    trailing_newline = "\n" if original.endswith(("\n", "\r")) else ""
    patched = "\n".join(patched_lines) + trailing_newline
    if patched_lines == lines:
        raise PatchApplyError("the diff changes nothing")
    return patched


def line_map(original: str, diff: str) -> Callable[[int], int | None]:
    """Where each line of `original` is after applying `diff` (None: the diff removed it).

    Raises:
        PatchApplyError: as `apply_unified_diff`.
    """
    _, moves = _patched(split_lines(original), _hunks(diff))

    def where(line: int) -> int | None:
        shift = 0
        for start, hunk in moves:
            if line >= start + len(hunk.old):
                shift += len(hunk.new) - len(hunk.old)
            elif line >= start:
                offset = hunk.new_offsets()[line - start]
                return None if offset is None else start + shift + offset
        return line + shift

    return where


MAX_FUZZ = 2


@dataclass(frozen=True)
class _Hunk:
    """One hunk: where it expects its old lines (1-based), and its lines in order, each marked
    " " (context), "-" (removed) or "+" (added)."""

    expected: int
    lines: tuple[tuple[str, str], ...]

    @property
    def old(self) -> list[str]:
        return [text for mark, text in self.lines if mark != "+"]

    @property
    def new(self) -> list[str]:
        return [text for mark, text in self.lines if mark != "-"]

    def new_offsets(self) -> list[int | None]:
        """For each old line, its offset among the new lines (None: removed)."""
        offsets: list[int | None] = []
        new_offset = 0
        for mark, _ in self.lines:
            if mark != "+":
                offsets.append(None if mark == "-" else new_offset)
            new_offset += mark != "-"
        return offsets

    def fuzzed(self, fuzz: int) -> "_Hunk":
        """The hunk with up to `fuzz` context lines dropped at each end."""
        marks = [mark for mark, _ in self.lines]
        lead = min(fuzz, next((i for i, m in enumerate(marks) if m != " "), len(marks)))
        trail = min(fuzz, next((i for i, m in enumerate(reversed(marks)) if m != " "), 0))
        return _Hunk(self.expected + lead, self.lines[lead : len(self.lines) - trail])


def _hunks(diff: str) -> list[_Hunk]:
    """The hunks of one file's diff."""
    try:
        patches = [patch for patch in whatthepatch.parse_patch(diff) if patch.changes]
    except WhatThePatchException as exc:
        raise PatchApplyError(str(exc)) from exc
    if len(patches) != 1:
        raise PatchApplyError(f"expected one file diff, found {len(patches)}")
    changes_by_hunk: dict[int, list] = {}
    for change in patches[0].changes:
        changes_by_hunk.setdefault(change.hunk, []).append(change)
    return [_hunk(changes_by_hunk[number]) for number in sorted(changes_by_hunk)]


def _hunk(changes: list) -> _Hunk:
    """A hunk from whatthepatch's changes (context lines have both an old and a new number)."""
    first_old = next((change.old for change in changes if change.old is not None), None)
    first_new = next((change.new for change in changes if change.new is not None), 1)
    marks = {(True, True): " ", (True, False): "-", (False, True): "+"}
    return _Hunk(
        expected=first_old or first_new,
        lines=tuple(
            (marks[change.old is not None, change.new is not None], change.line)
            for change in changes
        ),
    )


def _patched(lines: list[str], hunks: list[_Hunk]) -> tuple[list[str], list[tuple[int, _Hunk]]]:
    """The lines with every hunk applied at its nearest match, and each hunk as applied with
    its 1-based start in the original numbering."""
    result, moves, shift, searched_from = list(lines), [], 0, 0
    for hunk in hunks:
        start, applied = _locate(lines, hunk, searched_from)
        old, new = applied.old, applied.new
        result[start + shift : start + shift + len(old)] = new
        moves.append((start + 1, applied))
        shift += len(new) - len(old)
        searched_from = start + len(old)
    return result, moves


def _locate(lines: list[str], hunk: _Hunk, earliest: int) -> tuple[int, _Hunk]:
    """The 0-based start of the hunk's nearest match, with the least fuzz that finds one."""
    for fuzz in range(MAX_FUZZ + 1):
        fuzzed = hunk.fuzzed(fuzz)
        if not fuzzed.old and hunk.old:
            break  # nothing left to anchor on
        start = _nearest(lines, fuzzed.old, fuzzed.expected - 1, earliest)
        if start is not None:
            return start, fuzzed
    raise PatchApplyError("the lines this fix changes are not in the code any more")


def _nearest(lines: list[str], block: list[str], expected: int, earliest: int) -> int | None:
    """The 0-based start nearest to `expected` (at or after `earliest`) where `block` stands."""
    starts = [
        start
        for start in range(earliest, len(lines) - len(block) + 1)
        if lines[start : start + len(block)] == block
    ]
    return min(starts, key=lambda start: abs(start - expected), default=None)
