"""What a rule of the pack must declare, checked once when the pack loads.

Only the fields the review and the rule pages read are modelled; the patterns stay as written
and go to the engine untouched, which reports its own errors in them.
"""

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, field_validator, model_validator

from review_app.review.models import Category, Severity

# Semgrep's language names and aliases, as our languages.
ENGINE_LANGUAGES: dict[str, str] = {
    "python": "python",
    "py": "python",
    "python3": "python",
    "javascript": "javascript",
    "js": "javascript",
    "typescript": "typescript",
    "ts": "typescript",
    "go": "go",
    "golang": "go",
    "java": "java",
}

# The languages each pack folder may serve.
PACK_LANGUAGES: dict[str, frozenset[str]] = {
    "python": frozenset({"python"}),
    "javascript": frozenset({"javascript", "typescript"}),
    "go": frozenset({"go"}),
    "java": frozenset({"java"}),
}

# Semgrep's own severity for each of ours, so the two fields of a rule cannot disagree.
ENGINE_SEVERITY: dict[Severity, str] = {
    Severity.CRITICAL: "ERROR",
    Severity.HIGH: "ERROR",
    Severity.MEDIUM: "WARNING",
    Severity.LOW: "INFO",
    Severity.INFO: "INFO",
}

_RULE_ID = re.compile(r"(?P<pack>[a-z]+)-[a-z0-9]+(?:-[a-z0-9]+)*")
_TITLE_LENGTH = 80

Text = Annotated[str, Field(min_length=1)]
RuleCategory = Literal[
    Category.SECURITY, Category.BUG, Category.PERFORMANCE, Category.MAINTAINABILITY, Category.STYLE
]


class RuleMetadata(BaseModel):
    """A rule's `metadata`: what the finding says and what its rule page explains."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Annotated[str, Field(min_length=1, max_length=_TITLE_LENGTH)]
    cwe: Annotated[StrictInt, Field(ge=1)] | None = None  # every security rule names one
    category: RuleCategory
    severity: Severity
    confidence: Literal["high", "medium", "low"]
    why: Text
    how_to_fix: Text
    bad: Text
    good: Text

    @field_validator("title")
    @classmethod
    def _no_trailing_period(cls, title: str) -> str:
        if title.rstrip().endswith("."):
            raise ValueError("a title ends without a period")
        return title

    @model_validator(mode="after")
    def _security_names_its_cwe(self) -> "RuleMetadata":
        if self.category == Category.SECURITY and self.cwe is None:
            raise ValueError("a security rule names its weakness (cwe)")
        return self


class PackRule(BaseModel):
    """One rule of the pack: the fields we read; the patterns are the engine's business."""

    model_config = ConfigDict(extra="allow", frozen=True)

    id: Text
    languages: Annotated[list[str], Field(min_length=1)]
    mode: Literal["search", "taint"] = "search"
    severity: Literal["ERROR", "WARNING", "INFO"]
    message: Text
    metadata: RuleMetadata

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, languages: list[str]) -> list[str]:
        unknown = [name for name in languages if name not in ENGINE_LANGUAGES]
        if unknown:
            raise ValueError(f"languages we do not review: {', '.join(unknown)}")
        return languages

    @model_validator(mode="after")
    def _severities_agree(self) -> "PackRule":
        expected = ENGINE_SEVERITY[self.metadata.severity]
        if self.severity != expected:
            raise ValueError(
                f"severity {self.severity} disagrees with metadata severity "
                f"{self.metadata.severity} (expected {expected})"
            )
        return self

    @property
    def our_languages(self) -> frozenset[str]:
        """The languages of the review this rule applies to."""
        return frozenset(ENGINE_LANGUAGES[name] for name in self.languages)

    def pack_mismatch(self, pack: str) -> str | None:
        """Why this rule does not belong in the pack folder `pack`, or None when it does."""
        match = _RULE_ID.fullmatch(self.id)
        if match is None or match.group("pack") != pack:
            return f"the id must be `{pack}-<defect>` in lowercase words joined by hyphens"
        if not self.our_languages <= PACK_LANGUAGES[pack]:
            return f"the {pack} pack serves only {', '.join(sorted(PACK_LANGUAGES[pack]))}"
        return None


class RuleDocumentation(BaseModel):
    """What a rule page shows about one rule."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    cwe: int | None
    severity: Severity
    category: Category
    why: str
    how_to_fix: str
    bad: str
    good: str
    languages: list[str]


class RuleProblem(BaseModel):
    """A rule (or a whole file) left out of the pack, and why."""

    model_config = ConfigDict(frozen=True)

    path: Path
    rule_id: str | None
    message: str

    def __str__(self) -> str:
        rule = f" rule {self.rule_id}" if self.rule_id else ""
        return f"{self.path}{rule}: {self.message}"
