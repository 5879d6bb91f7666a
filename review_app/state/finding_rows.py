"""One finding as the findings table and the editor's markers show it."""

import dataclasses

from review_app import routes
from review_app.review.diffs import with_file_name
from review_app.review.models import Finding
from review_app.services import rules


@dataclasses.dataclass
class FindingRow:
    """One finding as the table and the editor markers show it."""

    index: int
    title: str
    title_parts: list[str]  # the title split at backticks: odd parts are code
    detail: str
    severity: str
    category: str
    line: int
    column: int
    rule: str
    rule_url: str  # the rule's page, "" when it has none
    cwe: str  # "CWE-89", or ""
    cwe_url: str
    sources: str
    fix: str
    safe_fix: bool
    verdict: str  # "confirmed", "dismissed" (by the LLM), or ""
    verdict_reason: str
    path: str = ""  # the file the finding is in
    change: str = ""  # in a change review: "new" or "unchanged"
    review_id: str = ""  # the file review it is from, in a project review
    decision: str = ""  # the team's decision on it in words ("false positive"...), or ""
    decision_note: str = ""  # the decision's comment and who made it
    decision_id: int = 0
    thread_key: str = ""  # its file and fingerprint, naming its conversation (in a project)

    @classmethod
    def of(cls, index: int, finding: Finding, path: str) -> "FindingRow":
        """The row of a finding of the file at `path` (its fix's diff names that file)."""
        documented = finding.rule in rules.documented_rules()
        return cls(
            index=index,
            title=finding.title,
            title_parts=title_parts(finding.title),
            detail=finding.detail,
            severity=finding.severity,
            category=finding.category,
            line=finding.line,
            column=finding.column or 1,
            rule=finding.rule or "",
            rule_url=routes.rule_url(finding.rule) if documented else "",
            cwe=f"CWE-{finding.cwe}" if finding.cwe else "",
            cwe_url=routes.cwe_url(finding.cwe) if finding.cwe else "",
            sources=", ".join(finding.sources),
            fix=with_file_name(finding.suggested_fix or "", path),
            safe_fix=finding.safe_fix,
            verdict=finding.verdict.state if finding.verdict else "",
            verdict_reason=finding.verdict.reason if finding.verdict else "",
            path=path,
        )


def title_parts(title: str) -> list[str]:
    """The title cut at its backticks, so `name` shows as code; unpaired ones stay as text."""
    parts = title.split("`")
    return parts if len(parts) % 2 == 1 else [title]
