"""What a user sees of a review: the answer to a submission, a history row, the full review."""

import uuid
from datetime import datetime

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, computed_field

from review_app.models import Review, ReviewStatus
from review_app.review.models import LLMState, ReviewResult, Stage


class SubmittedReview(BaseModel):
    """The answer to a submission: queued, or already completed from the cache."""

    id: uuid.UUID
    status: ReviewStatus
    cached: bool


class ReviewSummary(BaseModel):
    """One row of a user's review history; read straight from a `Review` row."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    status: ReviewStatus
    progress: int = Field(ge=0, le=100)
    stage: Stage
    language: str
    filename: str | None
    cached: bool
    score: int | None
    llm: LLMState | None = Field(
        validation_alias=AliasChoices("llm", "llm_state"),
        description="Whether the LLM took part; null until finished.",
    )
    error: str | None = Field(description="Why the review failed, for a person.")
    created_at: datetime
    finished_at: datetime | None


class TokenUsage(BaseModel):
    """LLM tokens this review spent (zero when the result came from the cache)."""

    model_config = ConfigDict(from_attributes=True)

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


class ReviewDetail(ReviewSummary):
    """Everything about one review, the code and the result included."""

    started_at: datetime | None
    path: str | None = Field(
        default=None, description="The file's path in its project, for a file of a project review."
    )
    usage: TokenUsage = TokenUsage()
    code: str
    result: ReviewResult | None

    @classmethod
    def of(cls, review: Review) -> "ReviewDetail":
        """The full view of `review`: its columns, and its token counts grouped."""
        return cls.model_validate(review).model_copy(
            update={"usage": TokenUsage.model_validate(review)}
        )

    @computed_field(description="Why the LLM was skipped or unavailable.")
    @property
    def llm_reason(self) -> str | None:
        """The reason the result gives for the LLM's state."""
        return self.result.llm.reason if self.result else None

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
