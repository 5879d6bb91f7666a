"""Bandit (Python only), in-process: security findings with bandit's severity, adjusted.

Mapping: bandit's HIGH/MEDIUM/LOW severity becomes high/medium/low (raised to high for
injection rules, see `security_rules`), category is always security. Bandit's confidence goes
into the detail text rather than the severity: a review should show a likely flaw.
"""

import tempfile
from pathlib import Path

from bandit.core.config import BanditConfig
from bandit.core.issue import Issue
from bandit.core.manager import BanditManager

from review_app.review.analyzers.analyzer import Analyzer, AnalyzerOutput, SourceFile, per_file
from review_app.review.analyzers.parse_lock import PYTHON_PARSE_LOCK
from review_app.review.analyzers.security_rules import (
    SUPERSEDED_RULE_NUMBERS,
    rule_cwe,
    security_severity,
)
from review_app.review.errors import AnalyzerError
from review_app.review.languages import submission_filename
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


def analyze(file: SourceFile) -> AnalyzerOutput:
    """Scan the code with every bandit plugin.

    Raises:
        SyntaxError: bandit skipped the code because it does not parse.
        AnalyzerError: bandit failed; the message names the exception it swallowed.
    """
    manager = _scan(file.code, file.language)
    if manager.skipped:
        _, reason = manager.skipped[0]
        if "syntax" in reason:
            raise SyntaxError(reason)
        cause = f" ({type(manager.failure).__name__}: {manager.failure})" if manager.failure else ""
        raise AnalyzerError(f"bandit skipped the code: {reason}{cause}")
    return AnalyzerOutput(findings=[_finding(issue) for issue in manager.get_issue_list()])


def _scan(code: str, language: str) -> _Manager:
    """One bandit run over the code, written to a private temporary file."""
    with tempfile.TemporaryDirectory(prefix="review-bandit-") as directory:
        path = Path(directory) / submission_filename(language)
        path.write_text(code, encoding="utf-8")
        manager = _Manager(BanditConfig(), "file", quiet=True, profile=_PROFILE)
        manager.discover_files([str(path)])
        with PYTHON_PARSE_LOCK:
            manager.run_tests()
    return manager


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
    run=per_file(analyze),
    categories=frozenset({Category.SECURITY}),
    languages=frozenset({"python"}),
    packages=("bandit",),
)
