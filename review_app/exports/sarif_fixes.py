"""A finding's suggested fix (a unified diff) as a SARIF `fix`: regions to delete, text to insert.

Each run of changed lines in a hunk becomes one replacement of whole lines, located both by
line/column and by character offset so that any viewer can apply it.
"""

from bisect import bisect_right
from dataclasses import dataclass, field

import whatthepatch
from whatthepatch.exceptions import WhatThePatchException

from review_app.review.diffs import apply_unified_diff
from review_app.review.errors import PatchApplyError
from review_app.review.source_text import line_offsets, split_lines


@dataclass
class _LineChange:
    """Old lines `first..first+deleted-1` become `inserted` (deleted may be 0: an insertion)."""

    first: int
    deleted: int = 0
    inserted: list[str] = field(default_factory=list)


def sarif_fix(code: str, diff: str, uri: str) -> dict | None:
    """The SARIF fix applying `diff` to `code` at `uri`; None when the diff does not apply."""
    try:
        apply_unified_diff(code, diff)
        changes = _line_changes(diff)
    except (PatchApplyError, WhatThePatchException):
        return None
    locator = _Locator(code)
    replacements = [locator.replacement(change) for change in changes]
    return {
        "description": {"text": "Apply the suggested fix."},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                "replacements": replacements,
            }
        ],
    }


def _line_changes(diff: str) -> list[_LineChange]:
    """The runs of deleted and inserted lines of a one-file diff, in old-line numbers."""
    runs: list[_LineChange] = []
    current: _LineChange | None = None
    next_old = 1
    for patch in whatthepatch.parse_patch(diff):
        for change in patch.changes or []:
            if change.old is not None and change.new is not None:  # context ends a run
                current = None
                next_old = change.old + 1
                continue
            if current is None:
                current = _LineChange(first=change.old or next_old)
                runs.append(current)
            if change.old is not None:
                current.deleted += 1
                next_old = change.old + 1
            else:
                current.inserted.append(change.line)
    return runs


class _Locator:
    """Line/column and character offsets of whole-line spans of the code."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.line_count = len(split_lines(code))
        self.starts = line_offsets(code)
        self.ends_with_newline = code.endswith(("\n", "\r"))

    def start_of(self, line: int) -> int:
        """The offset at which `line` starts; the end of the code past the last line."""
        return self.starts[line - 1] if line - 1 < len(self.starts) else len(self.code)

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of a character offset."""
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def replacement(self, change: _LineChange) -> dict:
        """A SARIF replacement of the lines `change` deletes by the lines it inserts."""
        last = change.first + change.deleted - 1
        start = self.start_of(change.first)
        end = self.start_of(last + 1) if change.deleted else start
        text = "".join(f"{line}\n" for line in change.inserted)
        if last >= self.line_count and not self.ends_with_newline:
            text = text.removesuffix("\n")  # the last line had no line break: keep it so
        start_line, start_column = self.position(start)
        end_line, end_column = self.position(end)
        replacement: dict = {
            "deletedRegion": {
                "startLine": start_line,
                "startColumn": start_column,
                "endLine": end_line,
                "endColumn": end_column,
                "charOffset": start,
                "charLength": end - start,
            }
        }
        if text:
            replacement["insertedContent"] = {"text": text}
        return replacement
