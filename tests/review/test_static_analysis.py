"""Static analysis finds known defects at the right lines, for every language."""

import ast
import time
from collections.abc import Callable

import pytest

from review_app.review.analyzers import bandit_scan, radon_metrics
from review_app.review.analyzers.analyzer import SourceFile
from review_app.review.analyzers.parse_lock import PYTHON_PARSE_LOCK
from review_app.review.analyzers.static_analysis import run_static_analysis
from review_app.review.diffs import apply_unified_diff
from review_app.review.models import (
    Category,
    Finding,
    LLMConfig,
    ReviewResult,
    Severity,
)
from review_app.review.pipeline import run_review

NO_LLM = LLMConfig()


@pytest.fixture
def python_review(read_fixture: Callable[[str], str]) -> tuple[str, ReviewResult]:
    """The reviewed Python fixture and its review."""
    code = read_fixture("python_defects.py")
    return code, run_review("python", code, NO_LLM)


def _at(result: ReviewResult, line: int, category: Category) -> list[Finding]:
    return [f for f in result.findings if f.line == line and f.category == category]


def test_request_data_in_sql_is_one_high_finding_with_its_cwe(
    python_review: tuple[str, ReviewResult],
) -> None:
    _, result = python_review
    [sql] = _at(result, 8, Category.SECURITY)
    assert (sql.severity, sql.cwe, sql.rule) == (Severity.HIGH, 89, "python-sql-injection")
    assert "request data" in sql.title


def test_sql_built_from_constants_or_numbers_is_not_flagged() -> None:
    """Pattern rules flagged every string-built query; the review judges where data comes from."""
    code = (
        "from flask import request\n\n\n"
        "def page(db):\n"
        "    limit = int(request.args['limit'])\n"
        "    table = 'orders'\n"
        "    return db.execute('SELECT id FROM %s LIMIT %d' % (table, limit)).fetchall()\n"
    )
    result = run_review("python", code, NO_LLM)
    assert [f for f in result.findings if f.category == Category.SECURITY] == []


def test_mutable_default_has_a_ruff_fix_that_applies(
    python_review: tuple[str, ReviewResult],
) -> None:
    code, result = python_review
    [mutable] = [f for f in result.findings if f.rule == "B006"]
    assert (mutable.line, mutable.category, mutable.sources) == (11, Category.BUG, ["ruff"])
    assert mutable.suggested_fix is not None
    fixed = apply_unified_diff(code, mutable.suggested_fix)
    assert "def add_tag(tag: str, tags=None) -> list:" in fixed
    assert "        tags = []" in fixed


def test_complex_function_is_flagged_once_by_every_complexity_tool(
    python_review: tuple[str, ReviewResult],
) -> None:
    _, result = python_review
    [complex_function] = _at(result, 16, Category.COMPLEXITY)
    assert "shipping_cost" in complex_function.title
    assert {"ruff", "radon", "lizard"} <= set(complex_function.sources)
    assert result.metrics.max_complexity is not None
    assert result.metrics.max_complexity > 10


def test_python_metrics_include_the_maintainability_index(
    python_review: tuple[str, ReviewResult],
) -> None:
    _, result = python_review
    assert result.metrics.lines == 40
    assert result.metrics.functions == 3
    assert result.metrics.maintainability_index is not None
    assert 0 < result.metrics.maintainability_index <= 100
    assert result.tool_errors == []


@pytest.mark.parametrize(
    ("fixture", "language", "line"),
    [
        ("go_syntax_error.go", "go", 15),
        ("java_syntax_error.java", "java", 9),
        ("javascript_syntax_error.js", "javascript", 7),
        ("typescript_syntax_error.ts", "typescript", 11),
    ],
)
def test_syntax_error_is_reported_at_its_line(
    read_fixture: Callable[[str], str], fixture: str, language: str, line: int
) -> None:
    result = run_review(language, read_fixture(fixture), NO_LLM)
    syntax = [f for f in result.findings if "syntax" in f.sources]
    assert [f.line for f in syntax] == [line]
    assert syntax[0].category == Category.BUG
    assert syntax[0].title.startswith("Syntax error")


def test_complex_javascript_function_is_flagged_by_lizard() -> None:
    branches = "\n".join(f"  if (x === {i}) {{ return {i}; }}" for i in range(12))
    code = f"function pick(x) {{\n{branches}\n  return -1;\n}}\n"
    result = run_review("javascript", code, NO_LLM)
    [finding] = [f for f in result.findings if f.category == Category.COMPLEXITY]
    assert (finding.line, finding.sources) == (1, ["lizard"])


def test_overlong_java_method_is_flagged() -> None:
    body = "".join(f"        total += {n};\n" for n in range(70))
    code = "class Sums {\n    int sum() {\n        int total = 0;\n"
    code += body + "        return total;\n    }\n}\n"
    result = run_review("java", code, NO_LLM)
    [long_method] = [f for f in result.findings if f.rule == "function-length"]
    assert (long_method.line, long_method.category) == (2, Category.MAINTAINABILITY)
    assert "too long" in long_method.title


def test_python_that_does_not_parse_is_still_reviewed() -> None:
    code = "def broken(:\n    return 1\n"
    result = run_review("python", code, NO_LLM)
    assert any(f.line == 1 and f.category == Category.BUG for f in result.findings)
    skipped = {error.source for error in result.tool_errors}
    assert {"bandit", "radon"} <= skipped
    assert all("does not parse" in error.message for error in result.tool_errors)


HUGE_LINE = "x = [" + ",".join(str(i) for i in range(30_000)) + "]\n"


@pytest.mark.parametrize("language", ["python", "javascript", "go"])
def test_a_huge_single_line_does_not_hang(language: str) -> None:
    started = time.monotonic()
    result = run_review(language, HUGE_LINE, NO_LLM)
    assert time.monotonic() - started < 15
    assert result.metrics.lines == 1


def test_slow_analyzers_are_abandoned_at_the_deadline() -> None:
    [result] = run_static_analysis(
        [SourceFile("huge.py", "python", HUGE_LINE)], timeout_seconds=0.05
    )
    timed_out = [error for error in result.tool_errors if "timed out" in error.message]
    assert timed_out


def test_bandit_and_radon_parse_python_only_while_holding_the_lock(monkeypatch) -> None:
    """They run in threads side by side, and Python 3.11 cannot build two ASTs at once safely:
    "SystemError: AST constructor recursion depth mismatch" (CPython gh-106905)."""
    held: list[bool] = []
    parse = ast.parse

    def parse_and_look(*args, **kwargs) -> ast.AST:
        held.append(PYTHON_PARSE_LOCK.locked())
        return parse(*args, **kwargs)

    monkeypatch.setattr(ast, "parse", parse_and_look)
    code = "def run(path):\n    try:\n        open(path)\n    except:\n        pass\n"
    file = SourceFile("run.py", "python", code)
    assert bandit_scan.analyze([file])[0].findings
    radon_metrics.analyze(file)
    assert len(held) >= 3
    assert all(held)


def test_a_batch_gives_each_file_its_own_findings() -> None:
    """One ruff run and one bandit run serve many files; no finding lands in the wrong one."""
    swallowing = "def close(handle):\n    try:\n        handle.close()\n    except:\n        pass\n"
    mutable = "def add(tag, tags=[]):\n    tags.append(tag)\n    return tags\n"
    files = [
        SourceFile("pkg/a.py", "python", swallowing),
        SourceFile("pkg/b.py", "python", mutable),
        SourceFile("other/a.py", "python", swallowing),  # the same name in another folder
    ]
    first, second, third = run_static_analysis(files)
    assert {(f.line, f.rule) for f in second.findings if f.rule == "B006"} == {(1, "B006")}
    for result in (first, third):
        assert {"E722", "B110"} <= {f.rule for f in result.findings}
        assert "B006" not in {f.rule for f in result.findings}
    assert "B110" not in {f.rule for f in second.findings}
