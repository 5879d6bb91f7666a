"""What changed since the previous review of the same file: findings fixed and findings new.

Two findings are "the same" when they share rule (or title, for rule-less LLM findings) and
category; lines are ignored because edits move code around. Repeated findings are matched
one to one, so fixing one of three identical warnings shows as one fixed.
"""

import uuid
from collections import Counter

from pydantic import BaseModel
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import Review, ReviewStatus
from review_app.review.models import Finding, ReviewResult


class FindingBrief(BaseModel):
    """A finding as the comparison lists it."""

    title: str
    rule: str | None
    severity: str
    category: str
    line: int


class Comparison(BaseModel):
    """The difference between a review and the previous one of the same file name."""

    previous_id: uuid.UUID
    fixed: list[FindingBrief]
    new: list[FindingBrief]
    unchanged: int


def compare_with_previous(*, user_id: uuid.UUID, review_id: uuid.UUID) -> Comparison | None:
    """Compare a completed review with the user's previous completed one of its file name.

    None when the review is not the user's, not completed, has no file name, or is the first.
    """
    with session_scope() as session:
        current = session.get(Review, review_id)
        if not _comparable(current, user_id):
            return None
        previous = session.exec(
            select(Review)
            .where(
                Review.user_id == user_id,
                Review.filename == current.filename,
                Review.status == ReviewStatus.COMPLETED,
                Review.created_at < current.created_at,
            )
            .order_by(Review.created_at.desc())
            .limit(1)
        ).first()
        if previous is None or previous.result is None:
            return None
        before = ReviewResult.model_validate(previous.result).findings
        after = ReviewResult.model_validate(current.result).findings
        previous_id = previous.id
    fixed, new = _difference(before, after), _difference(after, before)
    return Comparison(
        previous_id=previous_id, fixed=fixed, new=new, unchanged=len(after) - len(new)
    )


def _comparable(review: Review | None, user_id: uuid.UUID) -> bool:
    return bool(
        review
        and review.user_id == user_id
        and review.filename
        and review.status == ReviewStatus.COMPLETED
        and review.result
    )


def _identity(finding: Finding) -> tuple[str, str]:
    return (finding.rule or finding.title, finding.category)


def _difference(findings: list[Finding], others: list[Finding]) -> list[FindingBrief]:
    """The findings with no counterpart among `others` (matched one to one)."""
    available = Counter(_identity(finding) for finding in others)
    unmatched = []
    for finding in findings:
        if available[_identity(finding)] > 0:
            available[_identity(finding)] -= 1
        else:
            unmatched.append(
                FindingBrief(
                    title=finding.title,
                    rule=finding.rule,
                    severity=finding.severity,
                    category=finding.category,
                    line=finding.line,
                )
            )
    return unmatched
