"""Brace depth at the start of each line of JavaScript, TypeScript, Java or Go source.

Braces inside strings, template literals (with their `${...}` parts), Java text blocks, Go raw
strings, comments and JavaScript regular expression literals do not count.
"""

import re
from dataclasses import dataclass

from review_app.review.source_text import blank_spans

Span = tuple[int, int]

# Where a string, comment, regular expression or brace opens, or one closes.
_TOKEN = re.compile(r'"""|//|/\*|[{}\'"`/]')
_BEFORE_A_REGEX = frozenset("(,=:[!&|?{};+-*%<>~^")
_WORDS_BEFORE_A_REGEX = re.compile(
    r"\b(?:return|typeof|case|in|of|new|delete|void|throw|yield|await)$"
)


@dataclass(frozen=True)
class BraceScan:
    """Each line's brace depth at its start (None inside a string or comment; None for all when
    the braces do not balance), and the code with its comments blanked."""

    depths: list[int | None] | None
    without_comments: str


def scan_braces(code: str, language: str, starts: list[int]) -> BraceScan:
    """The brace depth of each line starting at `starts`, and the code without comments."""
    opened: list[int] = []  # offsets where the depth goes up (+) or down (-), in order
    changes: list[int] = []
    literals: list[Span] = []  # [start, end) of strings, comments and regular expressions
    comments: list[Span] = []
    index = 0
    while match := _TOKEN.search(code, index):
        opening, at = match.group(), match.start()
        if opening in "{}":
            opened.append(at)
            changes.append(1 if opening == "{" else -1)
            index = at + 1
            continue
        end = _literal_end(code, at, opening, language)
        if end is None:  # a division sign
            index = at + 1
            continue
        literals.append((at, end))
        if opening in {"//", "/*"}:
            comments.append((at, end))
        index = end
    return BraceScan(_depths(starts, opened, changes, literals), blank_spans(code, comments))


def _depths(
    starts: list[int], opened: list[int], changes: list[int], literals: list[Span]
) -> list[int | None] | None:
    """The depth at each line start from the braces' offsets and changes; None if unbalanced."""
    depths: list[int | None] = []
    depth, change, literal = 0, 0, 0
    for start in starts:
        while change < len(opened) and opened[change] < start:
            depth += changes[change]
            change += 1
            if depth < 0:
                return None
        while literal < len(literals) and literals[literal][1] <= start:
            literal += 1
        inside = literal < len(literals) and literals[literal][0] < start
        depths.append(None if inside else depth)
    return depths if depth + sum(changes[change:]) == 0 else None


def _literal_end(code: str, at: int, opening: str, language: str) -> int | None:
    """Where the string, comment or regular expression opening at `at` ends; None for `/` as
    division."""
    if opening == "//":
        end = code.find("\n", at)
        return len(code) if end < 0 else end
    if opening == "/*":
        end = code.find("*/", at + 2)
        return len(code) if end < 0 else end + 2
    if opening == '"""' and language == "java":
        return _closing(code, at + 3, '"""')
    if opening == '"""':
        return _closing(code, at + 1, '"')
    if opening == "`" and language == "go":
        end = code.find("`", at + 1)
        return len(code) if end < 0 else end + 1
    if opening == "`":
        return _template_end(code, at + 1)
    if opening == "/":
        return _regex_end(code, at) if language in {"javascript", "typescript"} else None
    return _closing(code, at + 1, opening, single_line=True)


def _closing(code: str, index: int, quote: str, single_line: bool = False) -> int:
    """The index past `quote` closing a string whose text starts at `index` (backslash escapes)."""
    while index < len(code):
        if code[index] == "\\":
            index += 2
        elif code.startswith(quote, index):
            return index + len(quote)
        elif single_line and code[index] == "\n":
            return index
        else:
            index += 1
    return len(code)


def _template_end(code: str, index: int) -> int:
    """The index past the backquote closing a template literal, past its `${...}` parts."""
    while index < len(code):
        char = code[index]
        if char == "\\":
            index += 2
        elif char == "`":
            return index + 1
        elif code.startswith("${", index):
            index = _expression_end(code, index + 2)
        else:
            index += 1
    return len(code)


def _expression_end(code: str, index: int) -> int:
    """The index past the `}` closing a template literal's `${` expression."""
    depth = 0
    while match := _TOKEN.search(code, index):
        opening, at = match.group(), match.start()
        if opening == "}" and depth == 0:
            return at + 1
        if opening in "{}":
            depth += 1 if opening == "{" else -1
            index = at + 1
            continue
        end = _literal_end(code, at, opening, "javascript")
        index = at + 1 if end is None else end
    return len(code)


def _regex_end(code: str, at: int) -> int | None:
    """The index past a regular expression literal opening at `at`, None if `/` divides."""
    before = at - 1
    while before >= 0 and code[before].isspace():
        before -= 1
    if (
        before >= 0
        and code[before] not in _BEFORE_A_REGEX
        and not _WORDS_BEFORE_A_REGEX.search(code, max(0, before - 9), before + 1)
    ):
        return None
    index, in_class = at + 1, False
    while index < len(code) and code[index] != "\n":
        char = code[index]
        if char == "\\":
            index += 2
            continue
        if char == "/" and not in_class:
            return index + 1
        in_class = (in_class or char == "[") and char != "]"
        index += 1
    return None
