"""What a user sees of a project review: the answer to starting one, its files, its summary."""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, computed_field

from review_app.models import ReviewStatus
from review_app.review.models import Severity
from review_app.review.project_summary import ProjectSummary


class StartedProjectReview(BaseModel):
    """The answer to starting a project review: how many files, and how many came from cache."""

    id: uuid.UUID
    project_id: uuid.UUID
    base_review_id: uuid.UUID | None = Field(
        default=None, description="A change review's review of the base versions."
    )
    file_count: int = Field(
        description="Files reviewed: those in a supported language (in a change, that differ)."
    )
    cached_files: int = Field(description="Files whose review came from the cache at once.")


class ProjectReviewFile(BaseModel):
    """One file's review within a project review; read straight from its `Review` row."""

    model_config = ConfigDict(from_attributes=True)

    review_id: uuid.UUID = Field(
        validation_alias=AliasChoices("review_id", "id"),
        description="The file's own review (GET /api/reviews/{id} for its findings).",
    )
    path: str
    language: str
    status: ReviewStatus
    progress: int
    cached: bool
    score: int | None
    error: str | None


class SkippedFile(BaseModel):
    """A file in a supported language a project review left out, and why."""

    path: str
    reason: str = Field(description="generated or vendored")


class ProjectReviewSummary(BaseModel):
    """One project review, as a row of the project's list; read from a `ProjectReview` row."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    project_id: uuid.UUID
    base_review_id: uuid.UUID | None = Field(
        description="Set for a change review: the review of the base versions of its files."
    )
    status: ReviewStatus
    file_count: int
    score: int | None
    created_at: datetime
    finished_at: datetime | None


class ListedProjectReview(ProjectReviewSummary):
    """A project review with its project's name, as the history lists it."""

    project_name: str


class Gate(BaseModel):
    """The verdict of a merge gate on a completed project review."""

    fail_on: Severity
    counted: Literal["new findings", "all findings"] = Field(
        description="A change review counts only the findings it brings."
    )
    failing: int = Field(description="Findings counted at or above fail_on.")
    waived: int = Field(
        default=0, description="Findings at or above fail_on the team decided on (not counted)."
    )
    in_baseline: int = Field(
        default=0,
        description="Findings at or above fail_on the project's baseline hides (not counted).",
    )
    passed: bool

    @classmethod
    def of(
        cls, summary: ProjectSummary, fail_on: Severity, waived: int = 0, in_baseline: int = 0
    ) -> "Gate":
        """The gate's verdict on `summary`, less the findings it would count that the team
        decided on (`waived`) or that the baseline hides."""
        change = summary.change
        counts = change.new_by_severity if change else summary.by_severity
        found = sum(count for severity, count in counts.items() if severity.rank >= fail_on.rank)
        failing = max(0, found - waived - in_baseline)
        return cls(
            fail_on=fail_on,
            counted="new findings" if change else "all findings",
            failing=failing,
            waived=waived,
            in_baseline=in_baseline,
            passed=failing == 0,
        )


class ProjectReviewDetail(ProjectReviewSummary):
    """A project review with each file's state and, once completed, its summary."""

    summary: ProjectSummary | None
    base_project_id: uuid.UUID | None = Field(
        default=None,
        description="A change review: the project the change is proposed against. Decisions"
        " and conversations on its findings land there.",
    )
    files: list[ProjectReviewFile]
    skipped: list[SkippedFile] = Field(
        default_factory=list, description="Files left out: generated or vendored code."
    )
    gate: Gate | None = Field(
        default=None, description="With fail_on, once completed: whether it passes."
    )
    in_baseline: int = Field(
        default=0, description="Findings the project's baseline hides (counted in the summary)."
    )

    @computed_field(description="Files whose review has ended (completed or failed).")
    @property
    def files_done(self) -> int:
        """How many files' reviews have ended."""
        ended = (ReviewStatus.COMPLETED, ReviewStatus.FAILED)
        return sum(file.status in ended for file in self.files)


class ProjectReviewPage(BaseModel):
    """A page of a project's reviews, newest first, and how many there are in all."""

    items: list[ProjectReviewSummary]
    total: int
    limit: int
    offset: int
