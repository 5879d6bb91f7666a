"""The JSON the LLM must answer with; validated before anything reaches a finding.

Severity and category stay free text here: models use synonyms, which `normalize` maps.
"""

from pydantic import BaseModel, ConfigDict, Field

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


class LLMReview(BaseModel):
    """The whole LLM answer."""

    summary: str = ""
    rubric: Rubric | None = None
    findings: list[LLMFinding] = Field(default_factory=list)


RESPONSE_FORMAT = {
    "type": "json_schema",
    "json_schema": {"name": "code_review", "schema": LLMReview.model_json_schema()},
}
