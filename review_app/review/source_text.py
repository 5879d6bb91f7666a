"""Line handling shared by analyzers, diffs and the LLM, so every part counts lines alike."""

import re

# Ruff, tree-sitter and editors break lines only here; str.splitlines also breaks on \f, \x1c...
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(code: str) -> list[str]:
    """The lines of `code` without their line breaks; a final line break adds no line."""
    lines = _LINE_BREAK.split(code)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def line_offsets(code: str) -> list[int]:
    """The character offset at which each line starts (index 0 is line 1)."""
    return [0, *(match.end() for match in _LINE_BREAK.finditer(code))]
