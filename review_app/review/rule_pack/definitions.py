"""The definitions of a source file that may be read apart: functions, methods, classes, types.

Each comes with its lines, its name (None for an anonymous function such as an Express route's
handler) and the names its code calls, so a reader can keep a definition together with the
helpers it calls. Python's are found by Python's parser; the braced languages' are the
statements that open a block over several lines at the file's top level (or in a class that
holds most of the file) and look like a function, method or type. Anything else (imports,
constants, a multi-line object or call) is not a definition: it is shared context.
"""

import ast
import io
import re
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from review_app.review.rule_pack.braces import scan_braces
from review_app.review.source_text import blank_spans

Span = tuple[int, int]  # the first and last line (0-based)

_BRACED = frozenset({"javascript", "typescript", "java", "go"})
# A call: `helper(`, `self.helper(`, `this.<T>helper(` (a function passed by name is not one).
_CALLED = re.compile(r"([A-Za-z_$][\w$]*)\s*(?:<[^<>()]*>\s*)?\(")
_GO_FUNCTION = re.compile(r"\s*func\s*(?:\([^)]*\)\s*)?([A-Za-z_]\w*)")
_DECLARED = re.compile(r"\b(class|interface|enum|record|type|function\s*\*?)\s+([A-Za-z_$][\w$]*)")
_ASSIGNED_FUNCTION = re.compile(
    r"\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]*)?=\s*"
    r"(?:async\b|function\b|\(|[A-Za-z_$][\w$]*\s*=>)"
)
# A method or constructor: the name before the parameters (type parameters allowed).
_BEFORE_PARAMETERS = re.compile(r"([A-Za-z_$][\w$]*)\s*(?:<[^>(]*>)?\s*\(")
_NOT_A_NAME = frozenset(
    {"if", "for", "while", "switch", "catch", "return", "new", "function", "super", "this"}
)
_CLASS_HEADER = re.compile(r"\s*(?:export\s+)?(?:default\s+)?(?:abstract\s+)?class\b")
_HEADER_LINES = 5
_WORD = re.compile(r"[A-Za-z_$][\w$]*")
# Methods that set up what the others use (fields, a mapper's settings): kept in both copies.
_SETUP_NAMES = frozenset({"__init__", "__new__", "__post_init__", "setUp", "constructor", "init"})

Kind = Literal["function", "type", "setup"]


@dataclass(frozen=True)
class Definition:
    """A definition's lines, its name if it has one, what it is, and the names its code calls
    (or mentions, for the file's types)."""

    span: Span
    name: str | None
    kind: Kind
    calls: frozenset[str]


@dataclass(frozen=True)
class Definitions:
    """A file's definitions in order, and the names its code outside them calls or mentions."""

    items: list[Definition]
    shared_calls: frozenset[str]


def definitions(code: str, language: str, lines: list[str]) -> Definitions:
    """The file's definitions; none for a language not handled, Python that does not parse or
    braces that do not balance. `lines` keep their line breaks. Calls in comments do not count."""
    if language == "python":
        spans = _python_definitions(code, len(lines))
        code_lines = _lines_like(_python_without_comments(code) if spans else code, lines)
    elif language in _BRACED:
        scan = scan_braces(code, language, _starts(lines))
        spans = _braced_definitions(scan.depths, language, lines) if scan.depths else []
        code_lines = _lines_like(scan.without_comments, lines)
    else:
        return Definitions([], frozenset())
    types = frozenset(name for _, name, kind in spans if kind == "type" and name)
    items, inside = [], set()
    for span, name, kind in spans:
        text = "".join(code_lines[span[0] : span[1] + 1])
        items.append(Definition(span, name, kind, _depended_on(text, types) - {name}))
        inside.update(range(span[0], span[1] + 1))
    outside = "".join(line for number, line in enumerate(code_lines) if number not in inside)
    return Definitions(items, _depended_on(outside, types))


def _depended_on(text: str, types: frozenset[str]) -> frozenset[str]:
    """The names `text` calls, and the names of `types` it mentions."""
    return frozenset(_CALLED.findall(text)) | (types & frozenset(_WORD.findall(text)))


def _lines_like(text: str, lines: list[str]) -> list[str]:
    """`text` (as long as the file) cut where the file's `lines` are."""
    pieces, offset = [], 0
    for line in lines:
        pieces.append(text[offset : offset + len(line)])
        offset += len(line)
    return pieces


def _python_without_comments(code: str) -> str:
    """Python code with its comments blanked (it parses, so it tokenizes)."""
    starts = _starts(code.splitlines(keepends=True))
    comments = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            if token.type == tokenize.COMMENT:
                (row, column), (_, end_column) = token.start, token.end
                comments.append((starts[row - 1] + column, starts[row - 1] + end_column))
    except (tokenize.TokenError, SyntaxError):
        return code
    return blank_spans(code, comments)


def _python_definitions(code: str, line_count: int) -> list[tuple[Span, str, Kind]]:
    """Top-level functions and classes, a class holding most of the file by its members."""
    try:
        module = ast.parse(code)
    except (SyntaxError, ValueError):
        return []
    for node in module.body:
        members = list(_python_spans(node.body)) if isinstance(node, ast.ClassDef) else []
        if len(members) >= 2 and 2 * ((node.end_lineno or node.lineno) - node.lineno) >= line_count:
            at = module.body.index(node)
            before, after = module.body[:at], module.body[at + 1 :]
            return [*_python_spans(before), *members, *_python_spans(after)]
    return list(_python_spans(module.body))


def _python_spans(body: list[ast.stmt]) -> Iterator[tuple[Span, str, Kind]]:
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            first = min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])
            span = (first - 1, (node.end_lineno or node.lineno) - 1)
            yield span, node.name, _kind(node.name, isinstance(node, ast.ClassDef))


def _braced_definitions(
    depths: list[int | None], language: str, lines: list[str]
) -> list[tuple[Span, str | None, Kind]]:
    """Top-level blocks that define something, a class holding most of the file by its members."""
    blocks = _blocks(depths, lines, 0, (0, len(lines) - 1), language)
    if blocks:
        largest = max(blocks, key=lambda block: block[1][1] - block[1][0])
        header, (first, last) = largest
        holds_most = 2 * (last - first) >= len(lines)
        if holds_most and (language == "java" or _CLASS_HEADER.match(lines[header])):
            members = _blocks(depths, lines, 1, (header + 1, last - 1), language)
            if len(_defining(members, language, lines)) >= 2:
                at = blocks.index(largest)
                blocks = [*blocks[:at], *members, *blocks[at + 1 :]]
    return _defining(blocks, language, lines)


def _defining(
    blocks: list[tuple[int, Span]], language: str, lines: list[str]
) -> list[tuple[Span, str | None, Kind]]:
    """The blocks that define a function, method or type, with their names and kinds."""
    found: list[tuple[Span, str | None, Kind]] = []
    for header, span in blocks:
        text = "".join(lines[header : min(span[1], header + _HEADER_LINES) + 1]).split("{", 1)[0]
        if (named := _braced_name(text, language)) is not None:
            name, is_type = named
            constructor = language == "java" and name[:1].isupper() and not is_type
            found.append((span, name or None, "setup" if constructor else _kind(name, is_type)))
    return found


def _braced_name(header: str, language: str) -> tuple[str, bool] | None:
    """The name a block's header defines ("" for an anonymous function) and whether it is a
    type; None if the block defines nothing."""
    if language == "go":
        if match := _GO_FUNCTION.match(header):
            return match.group(1), False
        match = _DECLARED.search(header)
        return (match.group(2), True) if match and match.group(1) == "type" else None
    if match := _DECLARED.search(header):
        return match.group(2), not match.group(1).startswith("function")
    if match := _ASSIGNED_FUNCTION.match(header):
        return match.group(1), False
    if language != "java" and ("function" in header or "=>" in header):
        return "", False
    names = [name for name in _BEFORE_PARAMETERS.findall(header) if name not in _NOT_A_NAME]
    is_member = header[:1].isspace()  # a top-level call is not a method
    return (names[0], False) if names and (is_member or language == "java") else None


def _kind(name: str, is_type: bool) -> Kind:
    if is_type:
        return "type"
    return "setup" if name in _SETUP_NAMES else "function"


def _blocks(
    depths: list[int | None], lines: list[str], level: int, within: Span, language: str
) -> list[tuple[int, Span]]:
    """Statements at brace depth `level` that open a block over several lines: the line where
    each statement starts, and its span with the annotations or decorators on the lines before."""
    found: list[tuple[int, Span]] = []
    line, last = within
    while line <= last:
        end = line
        if depths[line] == level and lines[line].strip():
            while end < last and depths[end + 1] != level:
                end += 1
        if end > line:
            previous_end = found[-1][1][1] if found else within[0] - 1
            header = line
            while (
                header - 1 > previous_end
                and depths[header - 1] == level
                and _continued_by(lines[header - 1], language)
            ):
                header -= 1
            first = header
            while first - 1 > previous_end and lines[first - 1].lstrip().startswith("@"):
                first -= 1
            found.append((header, (first, end)))
        line = end + 1
    return found


def _continued_by(line: str, language: str) -> bool:
    """Whether the statement on the next line starts on `line` (a header over several lines:
    parameters, Java's `throws` or `extends`); an annotation is not the statement."""
    text = line.strip()
    if not text or text.startswith("@"):
        return False
    if language == "java":
        return not text.endswith((";", "{", "}"))
    return text.endswith((",", "("))


def _starts(lines: list[str]) -> list[int]:
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line)
    return starts
