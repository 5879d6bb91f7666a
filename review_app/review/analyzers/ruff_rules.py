"""Which ruff rules run, and how their codes map to our category and severity.

The longest matching code prefix wins, so exceptions sit beside their family:

| prefix | family                      | category        | severity |
|--------|-----------------------------|-----------------|----------|
| F      | pyflakes                    | bug             | medium   |
| F821-3 | undefined names             | bug             | high     |
| F401, F841 | unused import/variable  | maintainability | low      |
| E, W   | pycodestyle                 | style           | low      |
| B      | bugbear                     | bug             | medium   |
| S      | bandit rules                | security        | medium (injection: high) |
| UP     | pyupgrade                   | style           | info     |
| SIM    | simplify                    | maintainability | low      |
| PLE / PLW | pylint errors / warnings | bug             | medium / low |
| PLR    | pylint refactor             | maintainability | low      |
| PLR09  | too many branches/args...   | complexity      | low      |
| PLC    | pylint conventions          | style           | low      |
| C90    | mccabe                      | complexity      | medium   |
| PERF   | perflint                    | performance     | low      |
| RUF    | ruff's own                  | maintainability | low      |
| D1     | missing docstrings          | documentation   | info     |
| A      | shadowed builtins           | bug             | low      |
| BLE    | blind except                | bug             | low      |
| T10    | debugger left in            | bug             | medium   |
| ASYNC  | blocking calls in async     | performance     | medium   |
"""

from review_app.review.analyzers.security_rules import SUPERSEDED_RULE_NUMBERS, security_severity
from review_app.review.models import Category, Severity

_RULE_CLASSES: dict[str, tuple[Category, Severity]] = {
    "F": (Category.BUG, Severity.MEDIUM),
    "F821": (Category.BUG, Severity.HIGH),
    "F822": (Category.BUG, Severity.HIGH),
    "F823": (Category.BUG, Severity.HIGH),
    "F401": (Category.MAINTAINABILITY, Severity.LOW),
    "F841": (Category.MAINTAINABILITY, Severity.LOW),
    "E": (Category.STYLE, Severity.LOW),
    "W": (Category.STYLE, Severity.LOW),
    "B": (Category.BUG, Severity.MEDIUM),
    "S": (Category.SECURITY, Severity.MEDIUM),
    "UP": (Category.STYLE, Severity.INFO),
    "SIM": (Category.MAINTAINABILITY, Severity.LOW),
    "PLE": (Category.BUG, Severity.MEDIUM),
    "PLW": (Category.BUG, Severity.LOW),
    "PLR": (Category.MAINTAINABILITY, Severity.LOW),
    "PLR09": (Category.COMPLEXITY, Severity.LOW),
    "PLC": (Category.STYLE, Severity.LOW),
    "C90": (Category.COMPLEXITY, Severity.MEDIUM),
    "PERF": (Category.PERFORMANCE, Severity.LOW),
    "RUF": (Category.MAINTAINABILITY, Severity.LOW),
    "D1": (Category.DOCUMENTATION, Severity.INFO),
    "A": (Category.BUG, Severity.LOW),
    "BLE": (Category.BUG, Severity.LOW),
    "T10": (Category.BUG, Severity.MEDIUM),
    "ASYNC": (Category.PERFORMANCE, Severity.MEDIUM),
}

SELECTED_RULES = (
    *("F", "E", "W", "B", "S", "UP", "SIM", "PL", "C90"),
    *("PERF", "RUF", "D1", "A", "BLE", "T10", "ASYNC"),
)

# Bandit rules ruff does not implement (naming them in --ignore is an error).
_NOT_IN_RUFF = frozenset({"414", "703"})

# Noise for single-file review: magic numbers, docstrings of modules, packages, magic methods
# and __init__ (the class docstring covers it); and bandit's pattern rules the rule pack's
# data-flow rules replace.
IGNORED_RULES = (
    *("PLR2004", "D100", "D104", "D105", "D107"),
    *(f"S{number}" for number in sorted(SUPERSEDED_RULE_NUMBERS - _NOT_IN_RUFF)),
)

# What a finding without a rule code is: ruff reports syntax errors that way (or as
# "invalid-syntax"): code that does not parse is a high bug, whatever else it has.
SYNTAX_ERROR = (Category.BUG, Severity.HIGH)
SYNTAX_RULES = (None, "invalid-syntax")
_UNKNOWN_RULE = (Category.MAINTAINABILITY, Severity.LOW)


def classify(code: str | None) -> tuple[Category, Severity]:
    """Category and severity of a ruff rule code."""
    if code in SYNTAX_RULES:
        return SYNTAX_ERROR
    prefix = max((p for p in _RULE_CLASSES if code.startswith(p)), key=len, default="")
    category, severity = _RULE_CLASSES.get(prefix, _UNKNOWN_RULE)
    if category is Category.SECURITY:
        severity = security_severity(code, severity)
    return category, severity
