"""Line handling shared by analyzers, diffs and the LLM, so every part counts lines alike."""

import re
from collections.abc import Iterable

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


def blanked(text: str) -> str:
    """`text` with a space for every UTF-8 byte except line breaks, so every later byte keeps
    its offset, line and column."""
    return "".join(char if char in "\r\n" else " " * len(char.encode("utf-8")) for char in text)


def blank_spans(code: str, spans: Iterable[tuple[int, int]]) -> str:
    """`code` with the [start, end) character spans (in order, apart) blanked."""
    pieces, copied = [], 0
    for start, end in spans:
        pieces += [code[copied:start], blanked(code[start:end])]
        copied = end
    pieces.append(code[copied:])
    return "".join(pieces)
