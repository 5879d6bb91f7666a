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

from review_app.review.analyzers.output import AnalyzerOutput
from review_app.review.analyzers.security_rules import security_severity
from review_app.review.errors import AnalyzerError
from review_app.review.languages import submission_filename
from review_app.review.models import Category, Finding, Severity, Source

_SEVERITIES = {"HIGH": Severity.HIGH, "MEDIUM": Severity.MEDIUM, "LOW": Severity.LOW}


def analyze(code: str, language: str) -> AnalyzerOutput:
    """Scan the code with every bandit plugin.

    Raises:
        SyntaxError: bandit skipped the code because it does not parse.
    """
    with tempfile.TemporaryDirectory(prefix="review-bandit-") as directory:
        path = Path(directory) / submission_filename(language)
        path.write_text(code, encoding="utf-8")
        manager = BanditManager(BanditConfig(), "file", quiet=True)
        manager.discover_files([str(path)])
        manager.run_tests()
    if manager.skipped:
        _, reason = manager.skipped[0]
        if "syntax" in reason:
            raise SyntaxError(reason)
        raise AnalyzerError(f"bandit skipped the code: {reason}")
    return AnalyzerOutput(findings=[_finding(issue) for issue in manager.get_issue_list()])


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
        sources=[Source.BANDIT],
    )
