"""What a user sees of a review: the answer to a submission, a history row, the full review."""

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from review_app.models import Review, ReviewStatus
from review_app.review.models import LLMState, ReviewResult, Stage


class SubmittedReview(BaseModel):
    """The answer to a submission: queued, or already completed from the cache."""

    id: uuid.UUID
    status: ReviewStatus
    cached: bool


class TokenUsage(BaseModel):
    """LLM tokens this review spent (zero when the result came from the cache)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


class ReviewSummary(BaseModel):
    """One row of a user's review history."""

    id: uuid.UUID
    status: ReviewStatus
    progress: int = Field(ge=0, le=100)
    stage: Stage
    language: str
    filename: str | None
    cached: bool
    score: int | None
    llm: LLMState | None = Field(description="Whether the LLM took part; null until finished.")
    error: str | None = Field(description="Why the review failed, for a person.")
    created_at: datetime
    finished_at: datetime | None

    @classmethod
    def of(cls, review: Review) -> "ReviewSummary":
        """The history row of `review` (needs no code or result loaded)."""
        return cls(
            id=review.id,
            status=review.status,
            progress=review.progress,
            stage=review.stage,
            language=review.language,
            filename=review.filename,
            cached=review.cached,
            score=review.score,
            llm=review.llm_state,
            error=review.error,
            created_at=review.created_at,
            finished_at=review.finished_at,
        )


class ReviewDetail(ReviewSummary):
    """Everything about one review, the code and the result included."""

    started_at: datetime | None
    llm_reason: str | None = Field(description="Why the LLM was skipped or unavailable.")
    usage: TokenUsage
    code: str
    result: ReviewResult | None

    @classmethod
    def of(cls, review: Review) -> "ReviewDetail":
        """The full view of `review`."""
        result = ReviewResult.model_validate(review.result) if review.result else None
        return cls(
            **ReviewSummary.of(review).model_dump(),
            started_at=review.started_at,
            llm_reason=result.llm.reason if result else None,
            usage=TokenUsage(
                prompt_tokens=review.prompt_tokens,
                completion_tokens=review.completion_tokens,
                total_tokens=review.total_tokens,
            ),
            code=review.code,
            result=result,
        )

    @property
    def finished(self) -> bool:
        """Whether the review can change no more."""
        return self.status in (ReviewStatus.COMPLETED, ReviewStatus.FAILED)


class ReviewPage(BaseModel):
    """A page of a user's history, newest first, and how many reviews match in all."""

    items: list[ReviewSummary]
    total: int
    limit: int
    offset: int
