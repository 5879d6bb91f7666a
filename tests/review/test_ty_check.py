"""ty finds Python code that fails when it runs, at its line, without the code's dependencies and
without repeating what ruff says; a missing or hanging ty is a reason in the review."""

import pytest

from review_app.review.analyzers import ty_check
from review_app.review.analyzers.analyzer import AnalyzerOutput, SourceFile
from review_app.review.models import Category, LLMConfig, Severity
from review_app.review.pipeline import run_review

DEFECTS = """\
import asyncio
from pathlib import Path

import requests


async def fetch(url: str) -> str:
    return requests.get(url).text


def report(path: Path, retries: int = 3) -> int:
    count: int = "three"
    size = len(path)
    fetch("https://example.com")
    return path.line_count() + undefined_total


def main() -> None:
    report("data.csv", retries="many")
    print(1 / 0)
    asyncio.run(fetch("https://example.com"))
"""

CLEAN = """\
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Basket:
    items: Counter[str] = field(default_factory=Counter)

    def add(self, name: str, count: int = 1) -> None:
        self.items[name] += count

    def most_common(self) -> str | None:
        ranked = self.items.most_common(1)
        return ranked[0][0] if ranked else None
"""


def _check(*files: SourceFile) -> list[AnalyzerOutput]:
    return ty_check.ANALYZER.run(list(files))


def test_runtime_type_errors_are_found_at_their_lines() -> None:
    [output] = _check(SourceFile("app/report.py", "python", DEFECTS))
    assert output.failure is None
    assert {(f.line, f.rule) for f in output.findings} == {
        (12, "invalid-assignment"),
        (13, "invalid-argument-type"),
        (14, "unused-awaitable"),
        (15, "missing-attribute"),
        (19, "invalid-argument-type"),
        (20, "division-by-zero"),
    }
    [attribute] = [f for f in output.findings if f.rule == "missing-attribute"]
    assert attribute.title == "Object of type `Path` has no attribute `line_count`"
    assert (attribute.category, attribute.severity, attribute.column) == (
        Category.BUG,
        Severity.HIGH,
        12,
    )


def test_missing_dependencies_and_undefined_names_are_left_to_others() -> None:
    [output] = _check(SourceFile("report.py", "python", DEFECTS))
    rules = {finding.rule for finding in output.findings}
    assert not rules & {"unresolved-import", "import-not-found", "unresolved-reference"}


def test_clean_code_has_no_findings() -> None:
    assert _check(SourceFile("basket.py", "python", CLEAN)) == [AnalyzerOutput()]


def test_files_checked_together_import_each_other() -> None:
    caller = "from shop.basket import Basket\n\nBasket().add(3)\n"
    outputs = _check(
        SourceFile("main.py", "python", caller), SourceFile("shop/basket.py", "python", CLEAN)
    )
    [finding] = outputs[0].findings
    assert (finding.line, finding.rule) == (3, "invalid-argument-type")
    assert outputs[1] == AnalyzerOutput()


def test_code_that_does_not_parse_is_skipped_alone() -> None:
    outputs = _check(
        SourceFile("broken.py", "python", "def broken(:\n    pass\n"),
        SourceFile("basket.py", "python", CLEAN),
    )
    assert outputs == [AnalyzerOutput(failure="skipped: the code does not parse"), AnalyzerOutput()]


def test_a_python_review_merges_ty_beside_ruff() -> None:
    result = run_review("python", DEFECTS, LLMConfig())
    [run] = [run for run in result.analyzers if run.name == "ty"]
    assert run.version == "ty=0.0.104"
    sources = {finding.rule: finding.sources for finding in result.findings}
    assert sources["missing-attribute"] == ["ty"]
    assert sources["F821"] == ["ruff"]  # the undefined name, reported once


def test_a_missing_ty_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    def not_found() -> str:
        raise FileNotFoundError("ty")

    monkeypatch.setattr(ty_check, "find_ty_bin", not_found)
    [output] = _check(SourceFile("basket.py", "python", CLEAN))
    assert output.failure == "ty is not installed: run `make`"


def test_a_hanging_ty_times_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ty_check, "TIMEOUT_SECONDS", 0.001)
    [output] = _check(SourceFile("basket.py", "python", CLEAN))
    assert output.failure == "ty timed out after 0.001 s"
