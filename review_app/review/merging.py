"""Merge findings that several tools report for the same problem.

"Same problem" means the same line and the same meaning:
- the same rule, where these are one rule: ruff's S-codes and bandit's B-codes with the same
  number (S608 == B608); ruff's C901 and the radon/lizard cyclomatic complexity check;
  ruff's rule-less syntax errors and the tree-sitter syntax check;
- or, for an LLM finding (which has no rule), the same category as a finding already there:
  the LLM is asked not to repeat static findings, so a match on one line is a repeat.

The merged finding keeps the first reporter's wording, the worst severity, every source, and
the first suggested fix. Findings come out ordered by line, then severity.
"""

from review_app.review.analyzers.complexity import CYCLOMATIC_RULE
from review_app.review.analyzers.security_rules import bandit_rule_number
from review_app.review.models import LLM_SOURCE, Finding

_SYNTAX_RULE = "syntax-error"

# Ruff's bugbear rules are B-codes too (B006), so the prefix must fit the tool that reported it.
_BANDIT_PREFIXES = {"ruff": "S", "bandit": "B"}


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


def _meaning(finding: Finding) -> str | None:
    """A key equal for findings that mean the same, or None for a rule-less LLM finding."""
    if LLM_SOURCE in finding.sources and finding.rule is None:
        return None
    rule = finding.rule
    if rule is None or rule == _SYNTAX_RULE:
        return _SYNTAX_RULE
    if rule == "C901" or rule == CYCLOMATIC_RULE:
        return CYCLOMATIC_RULE
    number = bandit_rule_number(rule)
    if number and any(rule[0] == _BANDIT_PREFIXES.get(source) for source in finding.sources):
        return f"bandit-{number}"
    return rule


def _same_problem(kept: Finding, new: Finding) -> bool:
    """Whether `new` repeats `kept` (see the module docstring)."""
    if kept.line != new.line:
        return False
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
            "end_line": kept.end_line or new.end_line,
            "column": kept.column or new.column,
            "detail": kept.detail or new.detail,
        }
    )
