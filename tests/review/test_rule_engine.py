"""The semgrep analyzer runs a rule pack with the real engine: findings carry the rule's
metadata and an applicable fix, and whatever fails, the review completes and names it.

These tests use the tiny pack of tests/fixtures/rule_engine/, not the project's pack."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from review_app.review.analyzers import registry, rule_pack_scan
from review_app.review.analyzers.analyzer import Analyzer, SourceFile
from review_app.review.diffs import apply_unified_diff
from review_app.review.languages import language_for_filename
from review_app.review.models import Category, LLMConfig, ReviewResult, Severity
from review_app.review.pipeline import run_review
from review_app.review.rule_pack import load_rule_pack
from review_app.review.rule_pack.engine import EngineLimits
from review_app.review.rule_pack.fixture_annotations import (
    annotation_mismatches,
    fixture_annotations,
)

ENGINE_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rule_engine"
CODE_FIXTURES = sorted((ENGINE_FIXTURES / "code").glob("*/*.*"))
EVAL_OF_INPUT = 'expression = input("? ")\nprint(eval(expression))\n'
UNPARSABLE = "def broken(:\n    eval(input())\n"


def engine_analyzer(pack: str = "pack", limits: EngineLimits | None = None) -> Analyzer:
    """The semgrep analyzer over one of the fixture packs."""
    return rule_pack_scan.make_analyzer(lambda: load_rule_pack(ENGINE_FIXTURES / pack), limits)


@pytest.fixture
def review_with(monkeypatch: pytest.MonkeyPatch) -> Callable[[Analyzer, str], ReviewResult]:
    """Review Python code with `analyzer` registered in place of the project's semgrep."""

    def review(analyzer: Analyzer, code: str) -> ReviewResult:
        others = [item for item in registry.ANALYZERS if item.name != rule_pack_scan.NAME]
        monkeypatch.setattr(registry, "ANALYZERS", (*others, analyzer))
        return run_review("python", code, LLMConfig())

    return review


@pytest.mark.parametrize("fixture", CODE_FIXTURES, ids=lambda path: path.name)
def test_taint_rules_report_exactly_the_annotated_lines(fixture: Path) -> None:
    language = language_for_filename(fixture.name)
    assert language is not None
    code = fixture.read_text(encoding="utf-8")
    [output] = engine_analyzer().run([SourceFile(fixture.name, language, code)])
    assert output.failure is None
    reported = {(finding.line, finding.rule or "") for finding in output.findings}
    assert not annotation_mismatches(fixture_annotations(code, language), reported)


def test_a_finding_carries_the_rules_metadata_and_message() -> None:
    [output] = engine_analyzer().run([SourceFile("app/calc.py", "python", EVAL_OF_INPUT)])
    [finding] = output.findings
    assert finding.rule == "python-eval-of-input"
    assert finding.title == "Code evaluated from user input"
    assert finding.detail.startswith("Text typed by the user reaches eval()")
    assert (finding.severity, finding.category, finding.cwe) == (
        Severity.HIGH,
        Category.SECURITY,
        95,
    )
    assert (finding.line, finding.column, finding.sources) == (2, 7, ["semgrep"])


def test_the_column_counts_characters_not_bytes() -> None:
    code = 'print("é ü");  x = input("ß"); eval(x)\n'
    [output] = engine_analyzer().run([SourceFile("calc.py", "python", code)])
    [finding] = output.findings
    assert finding.column == code.index("eval(") + 1


def test_an_autofix_becomes_a_diff_that_applies() -> None:
    code = "def empty(value):\n    return value == None\n"
    [output] = engine_analyzer().run([SourceFile("src/check.py", "python", code)])
    [finding] = output.findings
    assert finding.rule == "python-none-comparison"
    assert finding.suggested_fix is not None
    assert finding.suggested_fix.startswith("--- a/src/check.py\n+++ b/src/check.py\n")
    fixed = apply_unified_diff(code, finding.suggested_fix)
    assert fixed.splitlines()[1].replace("(", "").replace(")", "") == "    return value is None"


def test_a_batch_reviews_each_file_under_its_own_path_even_when_paths_repeat() -> None:
    files = [
        SourceFile("submission.py", "python", EVAL_OF_INPUT),
        SourceFile("submission.py", "python", "print('nothing to see')\n"),
        SourceFile("../../outside.py", "python", "x = 1\n" + EVAL_OF_INPUT),
        SourceFile("page.ts", "typescript", "eval(location.hash);\n"),
    ]
    outputs = engine_analyzer().run(files)
    lines = [[finding.line for finding in output.findings] for output in outputs]
    assert lines == [[2], [], [3], [1]]
    assert all(output.failure is None for output in outputs)


def test_the_review_names_the_analyzer_its_pack_version_and_rule_count(
    review_with: Callable[[Analyzer, str], ReviewResult],
) -> None:
    result = review_with(engine_analyzer(), EVAL_OF_INPUT)
    [run] = [run for run in result.analyzers if run.name == "semgrep"]
    digest = load_rule_pack(ENGINE_FIXTURES / "pack").digest
    assert run.version == f"semgrep=1.185.0;rule-pack={digest}"
    assert run.rules == 2
    assert any(finding.rule == "python-eval-of-input" for finding in result.findings)


def test_a_rule_the_engine_rejects_is_named_and_the_other_rules_still_report() -> None:
    [output] = engine_analyzer("broken").run([SourceFile("a.py", "python", "print(1)\n")])
    assert [finding.rule for finding in output.findings] == ["python-print-call"]
    assert output.failure is not None
    assert "rule python-unparsable-pattern failed (Rule parse error" in output.failure


def test_a_file_the_engine_cannot_parse_is_left_to_the_syntax_check(
    review_with: Callable[[Analyzer, str], ReviewResult],
) -> None:
    analyzer = engine_analyzer()
    unparsable, fine = analyzer.run(
        [
            SourceFile("broken.py", "python", UNPARSABLE),
            SourceFile("ok.py", "python", EVAL_OF_INPUT),
        ]
    )
    assert unparsable.failure is None  # it still reports what it could parse
    assert [finding.line for finding in fine.findings] == [2]
    result = review_with(analyzer, UNPARSABLE)
    assert [finding.sources for finding in result.findings if finding.rule == "syntax-error"]
    assert "semgrep" not in {error.source for error in result.tool_errors}


def test_a_missing_engine_fails_the_files_and_the_review_completes(
    tmp_path: Path, review_with: Callable[[Analyzer, str], ReviewResult]
) -> None:
    analyzer = engine_analyzer(limits=EngineLimits(binary=tmp_path / "semgrep-core"))
    result = review_with(analyzer, EVAL_OF_INPUT)
    [error] = [error for error in result.tool_errors if error.source == "semgrep"]
    assert error.message.startswith("semgrep-core could not run")
    assert {"ruff", "bandit"} <= {run.name for run in result.analyzers}


def test_a_crashing_engine_fails_every_file_of_its_language_only() -> None:
    false = shutil.which("false")
    assert false is not None
    analyzer = engine_analyzer(limits=EngineLimits(binary=Path(false)))
    outputs = analyzer.run(
        [SourceFile("a.py", "python", EVAL_OF_INPUT), SourceFile("b.go", "go", "package main\n")]
    )
    assert outputs[0].failure == "semgrep-core exited with 1"
    assert (outputs[1].failure, outputs[1].findings) == (None, [])  # the pack has no Go rules


def test_an_engine_run_past_its_deadline_is_stopped_and_named(
    review_with: Callable[[Analyzer, str], ReviewResult],
) -> None:
    limits = EngineLimits(run_timeout_seconds=0.01, run_timeout_per_file_seconds=0)
    analyzer = engine_analyzer(limits=limits)
    result = review_with(analyzer, EVAL_OF_INPUT)
    [error] = [error for error in result.tool_errors if error.source == "semgrep"]
    assert error.message == "semgrep-core timed out after 0.01 seconds"


def test_a_rule_that_times_out_is_named() -> None:
    code = "".join(f"def f{n}():\n    x = input()\n    return eval(x)\n\n" for n in range(300))
    analyzer = engine_analyzer(limits=EngineLimits(rule_timeout_seconds=0.001))
    [output] = analyzer.run([SourceFile("slow.py", "python", code)])
    assert output.failure is not None
    assert "rule python-eval-of-input timed out" in output.failure


def test_minified_code_is_skipped_and_said_so() -> None:
    minified = "var a=[" + ",".join(str(n) for n in range(30_000)) + "];eval(location.hash);\n"
    outputs = engine_analyzer().run(
        [
            SourceFile("app.min.js", "javascript", minified),
            SourceFile("a.js", "javascript", "f();\n"),
        ]
    )
    assert outputs[0].failure is not None
    assert outputs[0].failure.startswith("skipped: the code looks minified (168,9")
    assert (outputs[1].failure, outputs[1].findings) == (None, [])
