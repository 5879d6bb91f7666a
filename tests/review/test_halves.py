"""A long file is read by two engines, each with about half of its definitions: the review
reports exactly what reading it whole reports, helpers and look-alikes included."""

from pathlib import Path

import pytest

from review_app.review.analyzers import rule_pack_scan
from review_app.review.analyzers.analyzer import SourceFile
from review_app.review.languages import language_for_filename
from review_app.review.rule_pack import halves as halves_module
from review_app.review.rule_pack.definitions import definitions
from review_app.review.rule_pack.fixture_annotations import (
    annotation_mismatches,
    fixture_annotations,
)
from review_app.review.rule_pack.halves import MIN_LINES, halves
from review_app.review.rule_pack.type_arguments import blank_call_type_arguments
from review_app.review.source_text import line_offsets

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"
FIXTURE_FILES = sorted(
    path for path in FIXTURES.glob("*/*") if language_for_filename(path.name) is not None
)
FILLER_LINES = 6
# A helper definition of each language that touches nothing, at the top level and in a class.
TOP_LEVEL_FILLER = {
    "python": "def filler_{n}(value):\n    total = value + {n}\n    return total * 2\n\n\n\n",
    "go": "func filler{n}(value int) int {{\n\ttotal := value + {n}\n\treturn total * 2\n}}\n\n\n",
    "java": "class Filler{n} {{\n    int twice(int v) {{\n        return v * {n};\n    }}\n}}\n\n",
}
MEMBER_FILLER = {
    "python": "{indent}def filler_{n}(self, value):\n{indent}    total = value + {n}\n"
    "{indent}    return total * 2\n\n\n\n",
    "java": "{indent}int filler{n}(int value) {{\n{indent}    int total = value + {n};\n"
    "{indent}    return total * 2;\n{indent}}}\n\n\n",
}
JS_TOP_LEVEL = (
    "function filler{n}(value) {{\n  const total = value + {n};\n  return total * 2;\n}}\n\n\n"
)
JS_MEMBER = (
    "{indent}filler{n}(value) {{\n{indent}  const total = value + {n};\n"
    "{indent}  return total * 2;\n{indent}}}\n\n\n"
)


def grown(code: str, language: str) -> str:
    """`code` past the split's threshold: filler definitions after each of its own definitions
    (and at its end), so the halves cut between the fixture's helpers and their callers."""
    lines = code.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    found = definitions(code, language, lines).items
    filler_lines = max(MIN_LINES, 5 * len(lines))  # the fixture's own code is a small part
    per_place = -(-filler_lines // (FILLER_LINES * (len(found) + 1))) + 1
    insert_after = {item.span[1]: lines[item.span[0]] for item in found}
    out, number = [], 0
    for index, line in enumerate(lines):
        out.append(line)
        if index in insert_after:
            header = insert_after[index]
            indent = header[: len(header) - len(header.lstrip())]
            for _ in range(per_place):
                out.append(_filler(language, indent, number))
                number += 1
    for _ in range(per_place):
        out.append(_filler(language, "", number))
        number += 1
    return "".join(out)


def _filler(language: str, indent: str, number: int) -> str:
    top, member = (
        (JS_TOP_LEVEL, JS_MEMBER)
        if language in {"javascript", "typescript"}
        else (TOP_LEVEL_FILLER[language], MEMBER_FILLER.get(language, ""))
    )
    if language == "java" and not indent:
        return top.format(n=number)
    return (member if indent else top).format(n=number, indent=indent)


def _engine_text(code: str, language: str) -> str:
    return blank_call_type_arguments(code) if language == "typescript" else code


@pytest.mark.parametrize(
    "fixture", FIXTURE_FILES, ids=lambda path: path.relative_to(FIXTURES).as_posix()
)
def test_every_rule_fixture_grown_long_is_reported_as_annotated_when_read_in_halves(
    fixture: Path,
) -> None:
    language = language_for_filename(fixture.name)
    assert language is not None
    code = grown(fixture.read_text(encoding="utf-8"), language)
    assert halves(_engine_text(code, language), language) is not None, "not read in halves"
    [output] = rule_pack_scan.ANALYZER.run([SourceFile(fixture.name, language, code)])
    assert output.failure is None
    reported = {(finding.line, finding.rule or "") for finding in output.findings}
    assert not annotation_mismatches(fixture_annotations(code, language), reported)


def test_each_half_keeps_every_line_where_it_was_or_blanks_it() -> None:
    fixture = FIXTURES / "javascript" / "request-helpers.js"
    code = grown(fixture.read_text(encoding="utf-8"), "javascript") + "// naïve café ✓\n"
    copies = halves(code, "javascript")
    assert copies is not None
    original = code.splitlines()
    for copy in (half.text for half in copies):
        assert len(copy.encode("utf-8")) == len(code.encode("utf-8"))
        assert line_offsets(copy) == line_offsets(code)
        for before, after in zip(original, copy.splitlines(), strict=True):
            assert after in {before, " " * len(before.encode("utf-8"))}
    blanked_in = [
        {n for n, line in enumerate(half.text.splitlines()) if not line.strip()} for half in copies
    ]
    assert blanked_in[0] - blanked_in[1]
    assert blanked_in[1] - blanked_in[0]


def test_a_long_file_whose_half_does_not_parse_is_reviewed_as_when_read_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Functions, then a class of about the same size: the cut falls between them, so one copy
    keeps a class without a statement, which Python cannot parse. The defect in a function is
    still reported, as it is when the file is read whole."""
    method = (
        "    def step_{n}(self, value):\n"
        + "        value += {n}\n" * 20
        + "        return value\n\n"
    )
    function = (
        "def helper_{n}(value):\n"
        + "    value += {n} + {n} + {n} + {n} + {n} + {n} + {n}\n" * 10
        + "    return value\n\n\n"
    )
    code = (
        "import hashlib\n\n\n"
        + "def hash_password(password):\n"
        + "    return hashlib.md5(password.encode()).hexdigest()\n\n\n"
        + "".join(function.format(n=n) for n in range(13))
        + "class Pipeline:\n"
        + "".join(method.format(n=n) for n in range(12))
    )
    copies = halves(code, "python")
    assert copies is not None
    assert any("class Pipeline:\n" in half.text and "def step_" not in half.text for half in copies)
    file = SourceFile("pipeline.py", "python", code)
    [in_halves] = rule_pack_scan.ANALYZER.run([file])
    monkeypatch.setattr(halves_module, "MIN_LINES", 10**9)
    [whole] = rule_pack_scan.ANALYZER.run([file])
    assert [(item.rule, item.line) for item in in_halves.findings] == [
        (item.rule, item.line) for item in whole.findings
    ]
    assert any(item.line == 5 for item in in_halves.findings)
    assert in_halves.failure is None


def test_a_short_file_is_read_whole() -> None:
    code = "".join(JS_TOP_LEVEL.format(n=n) for n in range(MIN_LINES // 7))
    assert len(code.splitlines()) < MIN_LINES
    assert halves(code, "javascript") is None
