"""Bandit (Python only), in-process: security findings with bandit's severity, adjusted.

Mapping: bandit's HIGH/MEDIUM/LOW severity becomes high/medium/low (raised to high for
injection rules, see `security_rules`), category is always security. Bandit's confidence goes
into the detail text rather than the severity: a review should show a likely flaw.
"""

import tempfile
from collections.abc import Sequence
from pathlib import Path

from bandit.core.config import BanditConfig
from bandit.core.issue import Issue
from bandit.core.manager import BanditManager

from review_app.review.analyzers.analyzer import Analyzer, AnalyzerOutput, SourceFile
from review_app.review.analyzers.parse_lock import PYTHON_PARSE_LOCK
from review_app.review.analyzers.security_rules import (
    SUPERSEDED_RULE_NUMBERS,
    rule_cwe,
    security_severity,
)
from review_app.review.analyzers.toolchain import guarded_batch, write_batch
from review_app.review.models import Category, Finding, Severity

NAME = "bandit"

# Every plugin but those whose weakness the rule pack judges by data flow.
_PROFILE = {"include": set(), "exclude": {f"B{n}" for n in SUPERSEDED_RULE_NUMBERS}}
_SEVERITIES = {"HIGH": Severity.HIGH, "MEDIUM": Severity.MEDIUM, "LOW": Severity.LOW}


class _Manager(BanditManager):
    """Bandit's manager, remembering the exception it swallows when a scan fails."""

    failure: Exception | None = None

    def _execute_ast_visitor(self, *args, **kwargs):
        try:
            return super()._execute_ast_visitor(*args, **kwargs)
        except SyntaxError:
            raise  # not a failure of bandit: the code does not parse
        except Exception as exc:
            self.failure = exc
            raise


def analyze(files: Sequence[SourceFile]) -> list[AnalyzerOutput]:
    """Scan every file with bandit's plugins in one run (one manager, plugins loaded once)."""
    with tempfile.TemporaryDirectory(prefix="review-bandit-") as folder:
        paths = [str(path) for path in write_batch(Path(folder), files)]
        manager = _Manager(BanditConfig(), "file", quiet=True, profile=_PROFILE)
        manager.discover_files(paths)
        with PYTHON_PARSE_LOCK:
            manager.run_tests()
    skipped = dict(manager.skipped)
    issues: dict[str, list[Issue]] = {path: [] for path in paths}
    for issue in manager.get_issue_list():
        issues.setdefault(issue.fname, []).append(issue)
    return [
        AnalyzerOutput(failure=_skipped(skipped[path], manager))
        if path in skipped
        else AnalyzerOutput(findings=[_finding(issue) for issue in issues[path]])
        for path in paths
    ]


def _skipped(reason: str, manager: _Manager) -> str:
    """Why bandit left a file out: it does not parse, or bandit failed on it."""
    if "syntax" in reason:
        return "skipped: the code does not parse"
    cause = f" ({type(manager.failure).__name__}: {manager.failure})" if manager.failure else ""
    return f"bandit skipped the code: {reason}{cause}"


def _finding(issue: Issue) -> Finding:
    """Our finding for one bandit issue."""
    severity = security_severity(issue.test_id, _SEVERITIES.get(issue.severity, Severity.INFO))
    detail = f"Bandit {issue.test} ({issue.test_id}), confidence {issue.confidence.lower()}."
    if issue.cwe.id:
        detail += f" {issue.cwe}."
    lines = issue.linerange or [issue.lineno]
    return Finding(
        title=issue.text,
        detail=detail,
        severity=severity,
        category=Category.SECURITY,
        line=issue.lineno,
        end_line=max(lines) if max(lines) > issue.lineno else None,
        column=issue.col_offset + 1,
        rule=issue.test_id,
        cwe=issue.cwe.id or rule_cwe(issue.test_id),
        sources=[NAME],
    )


ANALYZER = Analyzer(
    name=NAME,
    description="Python security patterns",
    run=guarded_batch(NAME, analyze),
    categories=frozenset({Category.SECURITY}),
    languages=frozenset({"python"}),
    packages=("bandit",),
)
