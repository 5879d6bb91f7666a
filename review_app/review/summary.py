"""A short, human summary of a review."""

from collections import Counter

from review_app.review.models import Finding, Severity


def summarize(findings: list[Finding], score: int, llm_summary: str | None) -> str:
    """The LLM's summary when it gave one, else sentences built from the finding counts."""
    if llm_summary and llm_summary.strip():
        return llm_summary.strip()
    if not findings:
        return f"Score {score}/100. No issues found."
    by_severity = Counter(finding.severity for finding in findings)
    counts = ", ".join(f"{by_severity[s]} {s.value}" for s in Severity if by_severity[s])
    noun = "issue" if len(findings) == 1 else "issues"
    worst = max(findings, key=lambda finding: finding.severity.rank)
    return (
        f"Score {score}/100. Found {len(findings)} {noun} ({counts}). "
        f"Most serious: {worst.title} ({worst.category.value}, line {worst.line})."
    )
