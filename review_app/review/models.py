"""Pydantic models at the boundary of the review pipeline.

`ReviewResult` is stored as JSON, so every model here round-trips through
`model_dump(mode="json")` and `model_validate`.
"""

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator


class Severity(StrEnum):
    """How much a finding matters, most severe first."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Larger is more severe, so `max(..., key=rank)` picks the worst."""
        return len(Severity) - list(Severity).index(self)


class Category(StrEnum):
    """What kind of problem a finding is."""

    BUG = "bug"
    SECURITY = "security"
    PERFORMANCE = "performance"
    MAINTAINABILITY = "maintainability"
    STYLE = "style"
    COMPLEXITY = "complexity"
    DOCUMENTATION = "documentation"


class Stage(StrEnum):
    """Where a review is, as stored, published live and shown; with the percentage done then."""

    QUEUED = "queued"
    STATIC_ANALYSIS = "static_analysis"
    LLM = "llm"
    MERGING = "merging"
    DONE = "done"
    FAILED = "failed"

    @property
    def percent(self) -> int:
        """How far a review at this stage has come, 0-100."""
        return _STAGE_PERCENT[self]

    @property
    def label(self) -> str:
        """The stage in words."""
        return _STAGE_LABEL[self]


_STAGE_PERCENT = dict(zip(Stage, (0, 10, 50, 90, 100, 100), strict=True))
_STAGE_LABEL = dict(
    zip(
        Stage,
        ("Queued", "Static analysis", "LLM review", "Merging results", "Done", "Failed"),
        strict=True,
    )
)


LLM_SOURCE = "llm"  # the source of findings the LLM reports


class Verdict(BaseModel):
    """The LLM's judgement of a static finding: a real problem here, or a false alarm."""

    state: Literal["confirmed", "dismissed"]
    reason: str = ""


class Finding(BaseModel):
    """One problem in the submitted code, possibly confirmed by several tools."""

    model_config = ConfigDict(frozen=True)

    title: str = Field(min_length=1)
    detail: str = ""
    severity: Severity
    category: Category
    line: int = Field(ge=1, description="1-based line of the submitted code.")
    end_line: int | None = Field(default=None, ge=1)
    column: int | None = Field(default=None, ge=1, description="1-based, in characters.")
    rule: str | None = None
    cwe: int | None = Field(default=None, ge=1, description="The CWE number of a weakness.")
    sources: list[str] = Field(min_length=1, description="The analyzers (or `llm`) reporting it.")
    suggested_fix: str | None = Field(
        default=None, description="A unified diff that applies to the submitted code."
    )
    safe_fix: bool = Field(
        default=False,
        description="The tool vouches that the fix keeps the code's behaviour (ruff's safe fixes,"
        " gofmt): 'apply all safe fixes' applies it.",
    )
    verdict: Verdict | None = Field(
        default=None, description="The LLM's verdict on a static finding, with its reason."
    )


class RubricScore(BaseModel):
    """One rubric dimension as judged by the LLM."""

    score: int = Field(ge=0, le=10)
    reason: str = ""

    @field_validator("score", mode="before")
    @classmethod
    def _round_fractional(cls, value: object) -> object:
        """Models often answer 7.5; a rubric point is coarse enough to round."""
        return round(value) if isinstance(value, float) else value


class Rubric(BaseModel):
    """The LLM's 0-10 marks for the five review dimensions."""

    correctness: RubricScore
    security: RubricScore
    performance: RubricScore
    readability: RubricScore
    maintainability: RubricScore

    def mean(self) -> float:
        """The average mark, 0-10."""
        scores = [self.correctness, self.security, self.performance]
        scores += [self.readability, self.maintainability]
        return sum(item.score for item in scores) / len(scores)


LLMState = Literal["ok", "unavailable", "skipped"]


class LLMStatus(BaseModel):
    """Whether the LLM took part in the review, and what it cost."""

    state: LLMState
    reason: str | None = None
    model: str | None = None
    prompt_tokens: int = Field(default=0, ge=0)
    completion_tokens: int = Field(default=0, ge=0)
    total_tokens: int = Field(default=0, ge=0)


class ToolError(BaseModel):
    """A static analysis tool that failed; the review went on without it."""

    source: str  # the analyzer's name
    message: str


class AnalyzerRun(BaseModel):
    """An analyzer that ran over the code, as a review names it."""

    name: str
    version: str
    rules: int | None = None  # how many rules it applied, for tools that count them


class CodeMetrics(BaseModel):
    """Size and complexity measures of the submitted code."""

    model_config = ConfigDict(extra="forbid")

    lines: int = Field(ge=0)
    code_lines: int | None = None
    functions: int | None = None
    max_complexity: int | None = None
    average_complexity: float | None = None
    maintainability_index: float | None = Field(
        default=None, description="Radon's 0-100 index, Python only; higher is better."
    )


class FileRole(StrEnum):
    """What a file is within its project."""

    SOURCE = "source"
    TEST = "test"
    GENERATED = "generated"
    VENDORED = "vendored"
    IGNORED = "ignored"  # by the project's review_app.toml


class Suppressed(BaseModel):
    """Findings of one rule left out of a review by the file's context, and why."""

    rule: str
    count: int
    reason: str


class ReviewContext(BaseModel):
    """A file's place in its project: its role and the rules its project switched off."""

    role: FileRole = FileRole.SOURCE
    ignored_rules: list[str] = Field(
        default_factory=list,
        description="Rule selectors the project's own settings switch off (sorted): a code, or"
        " a ruff prefix such as D or S1, or ALL.",
    )
    settings: list[str] = Field(
        default_factory=list, description="The project files those settings came from."
    )
    severities: dict[str, Severity] = Field(
        default_factory=dict,
        description="Rule selectors whose findings the project gives another severity.",
    )
    disabled_analyzers: list[str] = Field(
        default_factory=list, description="Analyzers the project switched off (sorted)."
    )
    custom_rules: list[dict[str, Any]] = Field(
        default_factory=list,
        description="The team's own rules for the file's language, in the rule pack's format.",
    )

    @property
    def is_default(self) -> bool:
        """Whether the context changes nothing (a file reviewed on its own)."""
        return (
            self.role is FileRole.SOURCE
            and not self.ignored_rules
            and not self.severities
            and not self.disabled_analyzers
            and not self.custom_rules
        )


class ReviewResult(BaseModel):
    """Everything a review produced; stored as JSON."""

    language: str
    score: int = Field(ge=0, le=100)
    category_scores: dict[Category, int | None] = Field(
        description="0-100 per category; null where nothing checked that category."
    )
    rubric: Rubric | None = None
    summary: str
    findings: list[Finding]
    llm: LLMStatus
    metrics: CodeMetrics
    tool_errors: list[ToolError] = Field(default_factory=list)
    analyzers: list[AnalyzerRun] = Field(default_factory=list)
    analyzer_version: str
    context: ReviewContext | None = Field(
        default=None, description="The file's role and its project's settings, in a project."
    )
    suppressed: list[Suppressed] = Field(
        default_factory=list, description="Findings the context left out, counted by rule."
    )


class LLMConfig(BaseModel):
    """How to reach an OpenAI-compatible LLM; an empty `base_url` means no LLM."""

    model_config = ConfigDict(frozen=True)

    base_url: str = ""
    api_key: SecretStr = SecretStr("")
    model: str = "gpt-4o-mini"
    timeout_seconds: float = Field(default=60.0, gt=0)
    max_retries: int = Field(default=3, ge=0, le=10)
    max_tokens: int = Field(default=4000, ge=256, description="Token budget per request.")
    max_parts: int = Field(
        default=8, ge=1, le=64, description="Requests per file: long code is sent in parts."
    )
    backoff_base_seconds: float = Field(default=0.5, ge=0)
