"""The LLM's own words for severity and category map onto ours; bad lines and fixes go."""

from review_app.review.llm.normalize import normalize_findings
from review_app.review.llm.schema import LLMFinding
from review_app.review.models import Category, Severity

CODE = "a = 1\nb = 2\nc = a / b\n"


def _finding(severity: str, category: str, line: int = 1, **extra: object) -> LLMFinding:
    return LLMFinding.model_validate(
        {"title": "t", "severity": severity, "category": category, "line": line, **extra}
    )


def test_synonyms_map_to_our_severities_and_categories() -> None:
    raw = [
        _finding("crit", "sec"),
        _finding("Error", "Perf"),
        _finding("warning", "readability"),
        _finding("minor", "docs"),
        _finding("note", "cognitive complexity"),
        _finding("whatever", "something else"),
    ]
    found = normalize_findings(raw, CODE).findings
    assert [(f.severity, f.category) for f in found] == [
        (Severity.CRITICAL, Category.SECURITY),
        (Severity.HIGH, Category.PERFORMANCE),
        (Severity.MEDIUM, Category.STYLE),
        (Severity.LOW, Category.DOCUMENTATION),
        (Severity.INFO, Category.COMPLEXITY),
        (Severity.MEDIUM, Category.MAINTAINABILITY),
    ]


def test_lines_outside_the_code_are_dropped_and_bad_end_lines_cleared() -> None:
    raw = [
        _finding("high", "bug", line=4),
        _finding("high", "bug", line=-1),
        _finding("high", "bug", line=2, end_line=9),
        _finding("high", "bug", line=2, end_line=3),
    ]
    normalized = normalize_findings(raw, CODE)
    assert normalized.dropped_out_of_range == 2
    assert [(f.line, f.end_line) for f in normalized.findings] == [(2, None), (2, 3)]


def test_fenced_diff_is_unwrapped_and_kept_when_it_applies() -> None:
    diff = "```diff\n--- a/x.py\n+++ b/x.py\n@@ -3 +3 @@\n-c = a / b\n+c = a / b if b else 0\n```"
    [finding] = normalize_findings([_finding("high", "bug", 3, suggested_fix=diff)], CODE).findings
    assert finding.suggested_fix is not None
    assert finding.suggested_fix.startswith("--- a/x.py")


def test_text_that_is_not_a_diff_loses_the_fix_not_the_finding() -> None:
    raw = [_finding("high", "bug", 3, suggested_fix="Check b before dividing.")]
    normalized = normalize_findings(raw, CODE)
    assert normalized.findings[0].suggested_fix is None
    assert normalized.dropped_fixes == 1
