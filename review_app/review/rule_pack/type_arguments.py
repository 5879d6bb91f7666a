"""TypeScript calls with explicit type arguments, made visible to the rule engine.

Semgrep CE's TypeScript patterns do not match a call written with type arguments:
`pool.query<Row[]>(sql)`, `this.http.get<User>(url)` and `doc.find<Element>(xpath)` escape every
sink written as `$DB.query($SQL)`. The engine therefore reads TypeScript with each call's type
arguments blanked out (`pool.query        (sql)`): every other byte stays where it was, so lines,
columns and offsets of findings still point into the submitted text.

A `<` counts as the start of type arguments when it follows a name directly, its `>` (nested
brackets and `=>` arrows allowed) is followed by `(`, and nothing between could not be part of a
type (`&&`, `||`, `+`, `-`, `*`, `/`, `!`, `%`, or a `;` outside braces). Strings, template
literals and comments are passed over untouched.
"""

import re

from review_app.review.source_text import blanked

# Where a string or comment opens, or a `<` follows a name directly.
_WORTH_A_LOOK = re.compile(r"['\"`]|//|/\*|(?<=[\w$])<")
_NOT_IN_A_TYPE = re.compile(r"&&|\|\||[+\-*/!%]")
_CLOSING = {"(": ")", "[": "]", "{": "}"}
_QUOTES = "'\"`"
_LONGEST_TYPE_ARGUMENTS = 400


def blank_call_type_arguments(code: str) -> str:
    """`code` with the type arguments of its calls replaced by as many spaces as their bytes."""
    pieces: list[str] = []
    index, copied = 0, 0
    while match := _WORTH_A_LOOK.search(code, index):
        index, opening = match.start(), match.group()
        if opening in _QUOTES:
            index = _after_string(code, index)
        elif opening == "//":
            index = _line_end(code, index)
        elif opening == "/*":
            end = code.find("*/", index + 2)
            index = len(code) if end < 0 else end + 2
        elif (end := _type_arguments_end(code, index)) is None:
            index += 1
        else:
            pieces += [code[copied:index], blanked(code[index : end + 1])]
            index = copied = end + 1
    pieces.append(code[copied:])
    return "".join(pieces)


def _type_arguments_end(code: str, start: int) -> int | None:
    """The index of the `>` closing type arguments that open at `start` and precede a `(`."""
    angles, brackets = 0, []
    limit = min(len(code), start + _LONGEST_TYPE_ARGUMENTS)
    index = start
    while index < limit:
        char = code[index]
        if char in _QUOTES:
            index = _after_string(code, index)
            continue
        if _NOT_IN_A_TYPE.match(code, index) or (char == ";" and "}" not in brackets):
            return None
        if char == "<":
            angles += 1
        elif char == ">" and code[index - 1] != "=":
            angles -= 1
            if angles == 0:
                return index if code[index + 1 : index + 2] == "(" and not brackets else None
        elif char in _CLOSING:
            brackets.append(_CLOSING[char])
        elif char in ")]}" and (not brackets or brackets.pop() != char):
            return None
        index += 1
    return None


def _after_string(code: str, start: int) -> int:
    """The index just past the string or template literal opening at `start` (or the end)."""
    quote, index = code[start], start + 1
    while index < len(code):
        char = code[index]
        if char == "\\":
            index += 2
            continue
        if char == quote or (char == "\n" and quote != "`"):
            return index + 1
        index += 1
    return len(code)


def _line_end(code: str, start: int) -> int:
    end = code.find("\n", start)
    return len(code) if end < 0 else end
