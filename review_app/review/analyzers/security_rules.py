"""Severity of security rules, shared by bandit and ruff's S rules (S608 is bandit's B608).

Bandit rates some injection flaws only medium because it cannot tell whether the input is
trusted. A code review errs the other way: an injection that is real is directly exploitable,
so these are raised to high whatever bandit says.
"""

import re

from review_app.review.models import Severity

# Bandit rule numbers (ruff's S-codes reuse them) for injection and code-execution flaws.
_INJECTION_RULE_NUMBERS = frozenset(
    {
        "102",  # exec
        "307",  # eval
        "602",  # subprocess with shell=True
        "604",  # any call with shell=True
        "605",  # os.system and friends
        "608",  # SQL built from strings
        "609",  # wildcard injection
        "610",  # Django extra()
        "611",  # Django RawSQL
        "701",  # jinja2 without autoescape (XSS)
        "702",  # mako templates (XSS)
    }
)

_RULE_NUMBER = re.compile(r"[BS](\d{3})")


def bandit_rule_number(rule: str) -> str | None:
    """The three-digit number of a bandit (B608) or ruff flake8-bandit (S608) rule."""
    match = _RULE_NUMBER.fullmatch(rule)
    return match.group(1) if match else None


def security_severity(rule: str, tool_severity: Severity) -> Severity:
    """The tool's severity, raised to high for injection rules."""
    is_injection = bandit_rule_number(rule) in _INJECTION_RULE_NUMBERS
    return (
        Severity.HIGH if is_injection and tool_severity.rank < Severity.HIGH.rank else tool_severity
    )
