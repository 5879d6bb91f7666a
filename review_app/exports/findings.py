"""What every export says alike about a finding: its rule id, help link, message and level."""

import re
from collections.abc import Iterable

from review_app.review.models import Finding, ReviewResult, Severity

_SEE_URL = re.compile(r"\s*\(see (?P<url>https?://[^\s)]+)\)\s*$")

# SARIF has three levels; critical and high findings fail a code-scanning check.
SARIF_LEVEL: dict[Severity, str] = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
    Severity.INFO: "note",
}


def rule_id(finding: Finding) -> str:
    """The analyzer's rule, or `<tool>/<category>` for findings without one (the LLM's)."""
    return finding.rule or f"{finding.sources[0]}/{finding.category.value}"


def help_uri(finding: Finding) -> str | None:
    """The documentation link an analyzer put at the end of the detail, if any."""
    match = _SEE_URL.search(finding.detail)
    return match.group("url") if match else None


def cwe_uri(cwe: int) -> str:
    """MITRE's page of a CWE."""
    return f"https://cwe.mitre.org/data/definitions/{cwe}.html"


def analyzers_line(result: ReviewResult) -> str:
    """Which analyzers checked the file, rule counts where they have them."""
    ran = ", ".join(
        f"{run.name} ({run.rules} rules)" if run.rules else run.name for run in result.analyzers
    )
    return f"Checked by {ran or 'no analyzer'}."


def plain_detail(finding: Finding) -> str:
    """The detail without the trailing documentation link."""
    return _SEE_URL.sub("", finding.detail).strip()


def message(finding: Finding) -> str:
    """One line for a person: the title, the detail when it adds something, the LLM's verdict."""
    detail = plain_detail(finding)
    text = finding.title
    if detail:
        separator = " " if finding.title.endswith((".", "!", "?", ":")) else ". "
        text = f"{finding.title}{separator}{detail}"
    if finding.verdict is not None:
        reason = f": {finding.verdict.reason}" if finding.verdict.reason else ""
        text = f"{text} [{finding.verdict.state} by the LLM{reason}]"
    return text


def severity_counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    """How many findings of each severity, most severe first, zeros left out."""
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return {severity: count for severity, count in counts.items() if count}


def describe_counts(counts: dict[Severity, int]) -> str:
    """`1 high, 2 medium`, or `no findings`."""
    return ", ".join(f"{count} {severity}" for severity, count in counts.items()) or "no findings"
