"""`/api/rules/{id}`: the page of one rule of review_app's rule pack."""

from fastapi import APIRouter, Path

from review_app.review.rule_pack import RuleDocumentation
from review_app.services import rules

router = APIRouter(prefix="/api/rules", tags=["rules"])


@router.get("/{rule_id}", responses={404: {"description": "No rule of this id in the pack."}})
async def rule(rule_id: str = Path(max_length=200)) -> RuleDocumentation:
    """Why the rule matters, a bad and a good example, and how to fix what it finds."""
    return rules.rule_page(rule_id)
