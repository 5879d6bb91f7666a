"""The JSON the LLM must answer with; validated before anything reaches a finding.

Severity, category and verdict stay free text here: models use synonyms, which the review maps;
one malformed item is dropped without losing the rest of the answer.
"""

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from review_app.review.models import Rubric


class LLMFinding(BaseModel):
    """One issue as the LLM reports it."""

    model_config = ConfigDict(str_strip_whitespace=True)

    title: str = Field(min_length=1)
    detail: str = ""
    severity: str = "medium"
    category: str = "maintainability"
    line: int
    end_line: int | None = None
    suggested_fix: str | None = Field(
        default=None, description="A unified diff against the numbered code, or null."
    )


class LLMVerdict(BaseModel):
    """The LLM's judgement of one static finding, named by its id in the prompt (F1, F2...)."""

    model_config = ConfigDict(str_strip_whitespace=True)

    id: str = Field(min_length=1, max_length=16)
    verdict: str = Field(description="confirm or dismiss")
    reason: str = Field(default="", max_length=1000)


class LLMReview(BaseModel):
    """The whole LLM answer."""

    summary: str = ""
    rubric: Rubric | None = None
    verdicts: list[LLMVerdict] = Field(default_factory=list)
    findings: list[LLMFinding] = Field(default_factory=list)

    @field_validator("verdicts", "findings", mode="before")
    @classmethod
    def _keep_the_valid_items(cls, items: Any, info: Any) -> Any:
        """Drop the items that are not what the schema says, instead of the whole answer."""
        if not isinstance(items, list):
            return items  # not a list at all: the answer is of another shape
        model = LLMVerdict if info.field_name == "verdicts" else LLMFinding
        kept = []
        for item in items:
            try:
                kept.append(model.model_validate(item))
            except ValidationError:
                continue
        return kept


RESPONSE_FORMAT = {
    "type": "json_schema",
    "json_schema": {"name": "code_review", "schema": LLMReview.model_json_schema()},
}
