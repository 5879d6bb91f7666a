"""What a finished review stores: its result columns and one row per finding."""

from typing import Any

from sqlalchemy import insert
from sqlmodel import Session

from review_app.models import Review, ReviewFinding, ReviewStatus, utcnow
from review_app.review.models import ReviewResult, Stage


def completed_values(result: ReviewResult, *, cached: bool) -> dict[str, Any]:
    """The columns of a completed review; a cached copy cost no LLM tokens."""
    usage = result.llm
    return {
        "status": ReviewStatus.COMPLETED,
        "progress": 100,
        "stage": Stage.DONE,
        "error": None,
        "cached": cached,
        "result": result.model_dump(mode="json"),
        "score": result.score,
        "llm_state": usage.state,
        "prompt_tokens": 0 if cached else usage.prompt_tokens,
        "completion_tokens": 0 if cached else usage.completion_tokens,
        "total_tokens": 0 if cached else usage.total_tokens,
        "finished_at": utcnow(),
    }


def failed_values(message: str) -> dict[str, Any]:
    """The columns of a review that will not complete, with the reason for a person."""
    return {
        "status": ReviewStatus.FAILED,
        "progress": 100,
        "stage": Stage.FAILED,
        "error": message[:1000],
        "finished_at": utcnow(),
    }


def add_findings(session: Session, review: Review, result: ReviewResult) -> None:
    """Insert one row per finding in one statement.

    Not as ORM objects: building a SQLModel table object validates every field and costs about
    0.2 ms, which made a cache hit of a 1,000-line file (~250 findings) take ~70 ms.
    """
    if result.findings:
        session.exec(insert(ReviewFinding), params=finding_rows(review, result))


def finding_rows(review: Review, result: ReviewResult) -> list[dict[str, Any]]:
    """One row per finding, carrying what reports group by (user, language, time)."""
    return [
        {
            "review_id": review.id,
            "user_id": review.user_id,
            "created_at": review.created_at,
            "language": review.language,
            "severity": finding.severity.value,
            "category": finding.category.value,
            "rule": finding.rule[:100] if finding.rule else None,
            "title": finding.title[:300],
            "source": finding.sources[0],
            "sources": ",".join(finding.sources)[:200],
            "line": finding.line,
        }
        for finding in result.findings
    ]
