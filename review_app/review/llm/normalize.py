"""Turn the LLM's findings into ours: known severities and categories, real lines, working fixes.

- Severity and category synonyms map to our enums; an unknown word becomes medium /
  maintainability rather than losing the finding.
- A finding whose line is outside the code is dropped, not clamped: the model was pointing at
  something that is not there, and moving it to the last line would show it at the wrong place.
  An end line outside the code (or before the line) is just removed.
- A suggested fix that is not a unified diff applying cleanly to the code is removed; the finding
  stays.
"""

from dataclasses import dataclass

from review_app.review.diffs import apply_unified_diff, unfence
from review_app.review.errors import PatchApplyError
from review_app.review.llm.schema import LLMFinding
from review_app.review.models import LLM_SOURCE, Category, Finding, Severity
from review_app.review.source_text import split_lines

_SEVERITY_WORDS: dict[Severity, tuple[str, ...]] = {
    Severity.CRITICAL: ("critical", "crit", "blocker", "fatal", "severe", "urgent"),
    Severity.HIGH: ("high", "error", "err", "major", "important", "serious"),
    Severity.MEDIUM: ("medium", "med", "moderate", "warning", "warn", "normal"),
    Severity.LOW: ("low", "minor", "trivial", "nit", "nitpick"),
    Severity.INFO: ("info", "information", "informational", "note", "hint", "suggestion"),
}

_CATEGORY_WORDS: dict[Category, tuple[str, ...]] = {
    Category.BUG: ("bug", "bugs", "correctness", "logic", "defect", "error", "reliability"),
    Category.SECURITY: ("security", "sec", "vulnerability", "vuln", "injection", "safety"),
    Category.PERFORMANCE: ("performance", "perf", "efficiency", "speed", "memory"),
    Category.MAINTAINABILITY: ("maintainability", "maintenance", "design", "refactoring"),
    Category.STYLE: ("style", "readability", "formatting", "naming", "convention", "lint"),
    Category.COMPLEXITY: ("complexity", "complex", "cognitive_complexity"),
    Category.DOCUMENTATION: ("documentation", "docs", "doc", "docstring", "comments", "comment"),
}

_SEVERITIES = {word: severity for severity, words in _SEVERITY_WORDS.items() for word in words}
_CATEGORIES = {word: category for category, words in _CATEGORY_WORDS.items() for word in words}


@dataclass(frozen=True)
class NormalizedFindings:
    """The usable findings, and how many were dropped or lost their fix."""

    findings: list[Finding]
    dropped_out_of_range: int
    dropped_fixes: int


def normalize_findings(raw: list[LLMFinding], code: str) -> NormalizedFindings:
    """Our findings from the LLM's, checked against the submitted code."""
    line_count = len(split_lines(code))
    findings: list[Finding] = []
    dropped_fixes = 0
    for item in raw:
        if not 1 <= item.line <= line_count:
            continue
        fix = _working_fix(item.suggested_fix, code)
        if item.suggested_fix and fix is None:
            dropped_fixes += 1
        end_line = item.end_line if item.line < (item.end_line or 0) <= line_count else None
        findings.append(
            Finding(
                title=item.title,
                detail=item.detail,
                severity=_SEVERITIES.get(_word(item.severity), Severity.MEDIUM),
                category=_CATEGORIES.get(_word(item.category), Category.MAINTAINABILITY),
                line=item.line,
                end_line=end_line,
                sources=[LLM_SOURCE],
                suggested_fix=fix,
            )
        )
    return NormalizedFindings(findings, len(raw) - len(findings), dropped_fixes)


def _word(text: str) -> str:
    """A label in the form the synonym tables use."""
    return text.strip().lower().replace("-", "_").replace(" ", "_")


def _working_fix(diff: str | None, code: str) -> str | None:
    """The diff (unfenced) when it applies cleanly to `code`, else None."""
    if not diff:
        return None
    diff = unfence(diff)
    try:
        apply_unified_diff(code, diff)
    except PatchApplyError:
        return None
    return diff
