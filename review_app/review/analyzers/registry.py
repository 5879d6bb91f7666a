"""Every analyzer a review can run: one line each. Runner, cache key and UI derive from this."""

from review_app.review.analyzers import (
    bandit_scan,
    go_vet,
    javac_lint,
    lizard_metrics,
    oxlint_lint,
    radon_metrics,
    ruff_lint,
    rule_pack_scan,
    syntax_check,
    ty_check,
)
from review_app.review.analyzers.analyzer import Analyzer

# In this order findings meet when several tools report one defect on a line, and the first
# one's wording leads (review/merging.py): the rule pack's, which follows the data, before the
# linters' patterns.
ANALYZERS: tuple[Analyzer, ...] = (
    syntax_check.ANALYZER,
    rule_pack_scan.ANALYZER,
    lizard_metrics.ANALYZER,
    ruff_lint.ANALYZER,
    bandit_scan.ANALYZER,
    ty_check.ANALYZER,
    radon_metrics.ANALYZER,
    oxlint_lint.ANALYZER,
    go_vet.ANALYZER,
    javac_lint.ANALYZER,
)
