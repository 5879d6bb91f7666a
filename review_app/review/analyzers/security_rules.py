"""Bandit's rules as the review uses them, shared by bandit and ruff's S rules (S608 is B608).

- Which run: the project's rule pack judges injections, weak crypto and secrets by where the
  data comes from; bandit's pattern rules for the same weaknesses flag every call whatever its
  input (about as often on a look-alike as on a real defect), so those are left to the pack.
- How severe: bandit rates some injection flaws only medium because it cannot tell whether the
  input is trusted. A code review errs the other way: an injection that is real is directly
  exploitable, so these are raised to high whatever bandit says.
- Which weakness: the CWE of each rule that runs, for ruff's findings (bandit names its own).
"""

import re

from review_app.review.models import Severity

# Bandit rule numbers (ruff's S-codes reuse them) for injection and code-execution flaws.
_INJECTION_RULE_NUMBERS = frozenset(
    {
        "601",  # paramiko exec_command
        "609",  # wildcard injection
        "610",  # Django extra()
        "611",  # Django RawSQL
        "701",  # jinja2 without autoescape (XSS)
        "702",  # mako templates (XSS)
    }
)

# Weaknesses the rule pack's data-flow rules report instead (see the module docstring).
SUPERSEDED_RULE_NUMBERS = frozenset(
    {
        *("102", "105", "106", "107"),  # exec; hard-coded passwords
        *("201", "301", "302", "303", "304", "305", "306", "307", "308"),  # debug, pickle, crypto
        *("310", "311", "313", "314", "315", "316", "317", "318", "319", "320"),  # urlopen, xml
        *("323", "324", "501", "506"),  # unverified TLS, hashlib, requests verify, yaml.load
        *("602", "603", "604", "605", "606", "607", "608", "703"),  # processes, SQL, mark_safe
        *(str(number) for number in range(401, 416)),  # imports of pickle, subprocess...
    }
)

# The CWE of the rules that still run.
RULE_CWE: dict[str, int] = {
    "103": 732,  # permissive file mode
    "104": 605,  # binding to every interface
    "108": 377,  # hard-coded temporary file
    "110": 703,  # try-except-pass
    "112": 703,  # try-except-continue
    "113": 400,  # request without a timeout
    "202": 22,  # tarfile.extractall
    "502": 327,  # old SSL/TLS protocol
    "503": 327,
    "504": 327,
    "505": 326,  # weak key size
    "507": 295,  # SSH host key not verified
    "508": 319,  # SNMP without encryption
    "509": 327,
    "601": 78,
    "609": 155,
    "610": 89,
    "611": 89,
    "612": 94,  # logging.config.listen
    "701": 79,
    "702": 79,
}

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


def rule_cwe(rule: str) -> int | None:
    """The CWE of a bandit or ruff S rule that runs, if known."""
    number = bandit_rule_number(rule)
    return RULE_CWE.get(number) if number else None
