"""The rules a review applies, as their pages describe them: the project's rule pack."""

from functools import cache

from review_app.review.rule_pack import RuleDocumentation, default_rule_pack, rule_documentation
from review_app.services.errors import NotFoundError


def rule_page(rule_id: str) -> RuleDocumentation:
    """Why a rule matters, a bad and a good example, and how to fix what it finds.

    Raises:
        NotFoundError: the project's rule pack has no rule of this id.
    """
    documentation = rule_documentation(rule_id[:200])
    if documentation is None:
        raise NotFoundError("There is no rule with this id in review_app's rule pack.")
    return documentation


@cache
def documented_rules() -> frozenset[str]:
    """The ids of every rule that has a page (the pack is loaded once per process)."""
    return frozenset(item.rule.id for item in default_rule_pack().rules)
