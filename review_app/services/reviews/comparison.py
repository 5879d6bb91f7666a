"""What changed since the previous review of the same file: findings fixed and findings new.

Findings are matched one to one by rule, message and the text of their line, never by line
number, because edits move code around (see review.fingerprints): fixing one of three identical
warnings shows as one fixed, and an import added above an old one is the new one.
"""

import uuid

from pydantic import BaseModel
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import Review, ReviewStatus
from review_app.review import fingerprints
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
        before = _located(previous)
        after = _located(current)
        previous_id = previous.id
    matching = fingerprints.match(before, after)
    return Comparison(
        previous_id=previous_id,
        fixed=[_brief(item.finding) for item in matching.gone],
        new=[_brief(item.finding) for item in matching.added],
        unchanged=len(matching.kept),
    )


def _located(review: Review) -> list[fingerprints.Located]:
    findings = ReviewResult.model_validate(review.result).findings
    return fingerprints.Located.all_in(findings, review.code)


def _comparable(review: Review | None, user_id: uuid.UUID) -> bool:
    return bool(
        review
        and review.user_id == user_id
        and review.filename
        and review.status == ReviewStatus.COMPLETED
        and review.result
    )


def _brief(finding: Finding) -> FindingBrief:
    return FindingBrief(
        title=finding.title,
        rule=finding.rule,
        severity=finding.severity,
        category=finding.category,
        line=finding.line,
    )
