"""Scores from findings, blended with the LLM's rubric when there is one.

Static score, per category and overall:
    penalty = sum of the severity weights of the findings (overall: times a category weight)
    score   = 100 * 0.5 ** (penalty / HALF_LIFE)
Every HALF_LIFE points of penalty halve the score, so the first findings cost the most and the
score never goes below 0: one high finding gives 71, one critical 50, ten lows 59. Any added
finding with a weight lowers the score, and a worse severity lowers it more.

With a rubric (0-10 per dimension), each score becomes 60% static + 40% rubric x 10, the
category taking the rubric dimension that judges the same thing and the overall score the
rubric's mean.

Honest limits: code that does not parse scores at most UNPARSEABLE_SCORE_CAP (nothing else could
be checked properly), and a category no analyzer checked (and no LLM judged) has no score.
"""

from collections.abc import Collection

from review_app.review.models import Category, Finding, Rubric, Severity

SEVERITY_WEIGHTS: dict[Severity, float] = {
    Severity.CRITICAL: 40,
    Severity.HIGH: 20,
    Severity.MEDIUM: 8,
    Severity.LOW: 3,
    Severity.INFO: 0,
}

# In the overall score, a security hole matters more than a long line.
CATEGORY_WEIGHTS: dict[Category, float] = {
    Category.SECURITY: 1.5,
    Category.BUG: 1.25,
    Category.PERFORMANCE: 1.0,
    Category.COMPLEXITY: 1.0,
    Category.MAINTAINABILITY: 0.75,
    Category.STYLE: 0.5,
    Category.DOCUMENTATION: 0.5,
}

HALF_LIFE = 40.0
STATIC_SHARE = 0.6
UNPARSEABLE_SCORE_CAP = 50
PARSE_ERROR_RULES = frozenset({"syntax-error", "invalid-syntax"})

_RUBRIC_DIMENSION: dict[Category, str] = {
    Category.BUG: "correctness",
    Category.SECURITY: "security",
    Category.PERFORMANCE: "performance",
    Category.STYLE: "readability",
    Category.DOCUMENTATION: "readability",
    Category.MAINTAINABILITY: "maintainability",
    Category.COMPLEXITY: "maintainability",
}


def counted(findings: list[Finding]) -> list[Finding]:
    """The findings a score counts: all but those the LLM dismissed, unless high or critical.

    A dismissal takes a low or medium false alarm off the score; the model is never trusted to
    take off a high or critical one (code under review can try to talk it into that).
    """
    return [
        finding
        for finding in findings
        if finding.verdict is None
        or finding.verdict.state != "dismissed"
        or finding.severity.rank >= Severity.HIGH.rank
    ]


def category_scores(
    findings: list[Finding], rubric: Rubric | None, checked: Collection[Category]
) -> dict[Category, int | None]:
    """A 0-100 score for every category that was checked (100 without findings), else None."""
    findings = counted(findings)
    scores: dict[Category, int | None] = {}
    for category in Category:
        if rubric is None and category not in checked:
            scores[category] = None
            continue
        penalty = sum(SEVERITY_WEIGHTS[f.severity] for f in findings if f.category == category)
        mark = getattr(rubric, _RUBRIC_DIMENSION[category]).score if rubric else None
        scores[category] = _blend(_decay(penalty), mark)
    return scores


def overall_score(findings: list[Finding], rubric: Rubric | None) -> int:
    """The 0-100 score of the whole review."""
    findings = counted(findings)
    penalty = sum(SEVERITY_WEIGHTS[f.severity] * CATEGORY_WEIGHTS[f.category] for f in findings)
    score = _blend(_decay(penalty), rubric.mean() if rubric else None)
    if any(finding.rule in PARSE_ERROR_RULES for finding in findings):
        return min(score, UNPARSEABLE_SCORE_CAP)
    return score


def _decay(penalty: float) -> float:
    """100 halved every HALF_LIFE points of penalty."""
    return 100 * 0.5 ** (penalty / HALF_LIFE)


def _blend(static: float, rubric_mark: float | None) -> int:
    """The static score, blended with a 0-10 rubric mark when there is one."""
    if rubric_mark is None:
        return round(static)
    return round(STATIC_SHARE * static + (1 - STATIC_SHARE) * rubric_mark * 10)
