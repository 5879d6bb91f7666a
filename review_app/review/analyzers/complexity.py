"""Thresholds shared by radon and lizard, so both rate the same function alike and merge."""

from review_app.review.models import Category, Finding, Severity

# Radon's ranks: A 1-5, B 6-10 (fine), C 11-20 (moderate), D 21-30, E 31-40, F 41+ (hard to test).
COMPLEXITY_LIMIT = 10
_HIGH_COMPLEXITY = 20

# A function longer than a screen is hard to read whatever its complexity.
LENGTH_LIMIT = 60
_VERY_LONG = 150

# Rule name both tools report complexity under; the merge step treats ruff's C901 as the same.
CYCLOMATIC_RULE = "cyclomatic-complexity"


def complexity_finding(
    *, name: str, line: int, end_line: int | None, complexity: int, source: str
) -> Finding:
    """The finding for a function whose cyclomatic complexity exceeds the limit."""
    severity = Severity.HIGH if complexity > _HIGH_COMPLEXITY else Severity.MEDIUM
    return Finding(
        title=f"`{name}` is too complex (cyclomatic complexity {complexity} > {COMPLEXITY_LIMIT})",
        detail="Many independent paths make a function hard to test and to change; "
        "split it into smaller functions or replace branches with a lookup table.",
        severity=severity,
        category=Category.COMPLEXITY,
        line=line,
        end_line=end_line,
        rule=CYCLOMATIC_RULE,
        sources=[source],
    )


def length_finding(*, name: str, line: int, end_line: int, length: int, source: str) -> Finding:
    """The finding for a function longer than the limit."""
    severity = Severity.MEDIUM if length > _VERY_LONG else Severity.LOW
    return Finding(
        title=f"`{name}` is too long ({length} lines > {LENGTH_LIMIT})",
        detail="Long functions do several things; extract the parts into named functions.",
        severity=severity,
        category=Category.MAINTAINABILITY,
        line=line,
        end_line=end_line,
        rule="function-length",
        sources=[source],
    )
