"""The project's own rule pack (review/rules/<pack>/*.yaml, Semgrep syntax) and its engine.

`default_rule_pack()` loads and validates it once per process; `rule_documentation(id)` is what
a rule page shows; the `semgrep` analyzer runs it with `engine.run_engine`.
"""

from review_app.review.rule_pack.loader import RulePack, default_rule_pack, load_rule_pack
from review_app.review.rule_pack.models import RuleDocumentation, RuleProblem

__all__ = [
    "RuleDocumentation",
    "RulePack",
    "RuleProblem",
    "default_rule_pack",
    "load_rule_pack",
    "rule_documentation",
]


def rule_documentation(rule_id: str) -> RuleDocumentation | None:
    """The rule page of `rule_id` in the project's pack, or None when there is no such rule."""
    return default_rule_pack().documentation(rule_id)
