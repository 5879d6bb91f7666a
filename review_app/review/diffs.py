"""Unified diffs for suggested fixes: made with difflib, checked with whatthepatch."""

import difflib
import re

import whatthepatch
from whatthepatch.exceptions import WhatThePatchException

from review_app.review.errors import PatchApplyError
from review_app.review.source_text import split_lines

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


def unfence(diff: str) -> str:
    """The diff without the markdown fences an LLM may wrap it in."""
    fenced = _FENCE.match(diff)
    return fenced.group("body") + "\n" if fenced else diff


def apply_unified_diff(original: str, diff: str) -> str:
    """The code after applying `diff`.

    Raises:
        PatchApplyError: `diff` is not one unified diff whose context matches `original`, or it
            changes nothing.
    """
    try:
        patches = [patch for patch in whatthepatch.parse_patch(diff) if patch.changes]
        if len(patches) != 1:
            raise PatchApplyError(f"expected one file diff, found {len(patches)}")
        patched_lines = whatthepatch.apply_diff(patches[0], split_lines(original))
    except WhatThePatchException as exc:
        raise PatchApplyError(str(exc)) from exc
    trailing_newline = "\n" if original.endswith(("\n", "\r")) else ""
    patched = "\n".join(patched_lines) + trailing_newline
    if split_lines(patched) == split_lines(original):
        raise PatchApplyError("the diff changes nothing")
    return patched
