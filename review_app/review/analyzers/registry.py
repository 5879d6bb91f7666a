"""Every analyzer a review can run: one line each. Runner, cache key and UI derive from this."""

from review_app.review.analyzers import (
    bandit_scan,
    lizard_metrics,
    radon_metrics,
    ruff_lint,
    syntax_check,
)
from review_app.review.analyzers.analyzer import Analyzer

ANALYZERS: tuple[Analyzer, ...] = (
    syntax_check.ANALYZER,
    lizard_metrics.ANALYZER,
    ruff_lint.ANALYZER,
    bandit_scan.ANALYZER,
    radon_metrics.ANALYZER,
)
