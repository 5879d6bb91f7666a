"""Merge findings that several tools report for the same problem: one finding per defect.

"Same problem" means the same line and the same meaning:
- the same weakness: both name a CWE of one family (a weak hash reported as 327 or 328);
- or the same rule, where several rules are one: ruff's S-codes and bandit's B-codes with the
  same number (S608 == B608), and the synonyms below (a bare `except: pass` is ruff's E722, S110
  and BLE001; a branchy function is ruff's C901 and PLR0912 and radon's and lizard's complexity;
  an undefined name is ruff's F821 and ty's unresolved-reference; code that does not parse is
  reported by the syntax check and by ruff without a rule);
- or, for an LLM finding (which has no rule), the same category as a finding already there:
  the LLM is asked not to repeat static findings, so a match on one line is a repeat.

The merged finding keeps the first reporter's wording, the worst severity, every source, the
first CWE and suggested fix. Findings come out ordered by line, then severity.
"""

from review_app.review.analyzers.complexity import CYCLOMATIC_RULE
from review_app.review.analyzers.security_rules import bandit_rule_number
from review_app.review.models import LLM_SOURCE, Finding

_SYNTAX_RULE = "syntax-error"

# Ruff's bugbear rules are B-codes too (B006), so the prefix must fit the tool that reported it.
_BANDIT_PREFIXES = {"ruff": "S", "bandit": "B"}

_SYNONYMS: dict[str, str] = {
    "invalid-syntax": _SYNTAX_RULE,
    "C901": CYCLOMATIC_RULE,
    "PLR0912": CYCLOMATIC_RULE,
    "E722": "broad-except",
    "S110": "broad-except",
    "S112": "broad-except",
    "BLE001": "broad-except",
    "F821": "undefined-name",
    "unresolved-reference": "undefined-name",
    "PLR0915": "function-length",
}

# CWEs reviewers treat as one weakness.
_CWE_FAMILIES = ({94, 95}, {327, 328}, {330, 338}, {614, 1004})


def merge_findings(findings: list[Finding]) -> list[Finding]:
    """One finding per problem, ordered by line then severity (worst first)."""
    merged: list[Finding] = []
    for finding in findings:
        index = next((i for i, kept in enumerate(merged) if _same_problem(kept, finding)), None)
        if index is None:
            merged.append(finding)
        else:
            merged[index] = _combine(merged[index], finding)
    return sorted(merged, key=lambda item: (item.line, -item.severity.rank, item.title))


def cwe_family(cwe: int) -> int:
    """The smallest CWE of the family `cwe` belongs to (itself when it has none)."""
    return min(next((family for family in _CWE_FAMILIES if cwe in family), {cwe}))


def _meaning(finding: Finding) -> str | None:
    """A key equal for findings that mean the same, or None for a rule-less LLM finding."""
    if LLM_SOURCE in finding.sources and finding.rule is None:
        return None
    rule = finding.rule
    if rule is None or rule == _SYNTAX_RULE:
        return _SYNTAX_RULE
    if rule in _SYNONYMS:
        return _SYNONYMS[rule]
    number = bandit_rule_number(rule)
    if number and any(rule[0] == _BANDIT_PREFIXES.get(source) for source in finding.sources):
        return f"bandit-{number}"
    return rule


def _same_problem(kept: Finding, new: Finding) -> bool:
    """Whether `new` repeats `kept` (see the module docstring)."""
    if kept.line != new.line:
        return False
    if kept.cwe is not None and new.cwe is not None:
        return cwe_family(kept.cwe) == cwe_family(new.cwe)
    kept_meaning, new_meaning = _meaning(kept), _meaning(new)
    if kept_meaning is None or new_meaning is None:
        return kept.category == new.category
    return kept_meaning == new_meaning


def _combine(kept: Finding, new: Finding) -> Finding:
    """`kept` confirmed by `new`: the worst severity, every source, a fix if either has one."""
    return kept.model_copy(
        update={
            "severity": max(kept.severity, new.severity, key=lambda severity: severity.rank),
            "sources": list(dict.fromkeys([*kept.sources, *new.sources])),
            "suggested_fix": kept.suggested_fix or new.suggested_fix,
            "safe_fix": kept.safe_fix if kept.suggested_fix else new.safe_fix,
            "end_line": kept.end_line or new.end_line,
            "column": kept.column or new.column,
            "detail": kept.detail or new.detail,
            "cwe": kept.cwe or new.cwe,
            "verdict": kept.verdict or new.verdict,
        }
    )
