"""What a user sees of a project: a row of their list, and the project with its files."""

import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, computed_field

from review_app.models import TeamRole


class SkipReason(StrEnum):
    """Why a file of the archive is not in the project."""

    BINARY = "binary"  # it holds NUL bytes
    NOT_UTF8 = "not UTF-8 text"


class SkippedFile(BaseModel):
    """A file of the archive left out of the project, and why."""

    path: str
    reason: SkipReason


class ProjectSummary(BaseModel):
    """One row of a user's projects; read straight from a `Project` row."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    team_id: uuid.UUID | None = Field(
        default=None, description="The team it belongs to; null: your personal project."
    )
    created_at: datetime
    total_bytes: int = Field(description="UTF-8 bytes of the files kept.")
    file_count: int = Field(description="Files kept, reviewable or not.")


class ProjectFileSummary(BaseModel):
    """A file of a project, without its content."""

    model_config = ConfigDict(from_attributes=True)

    path: str = Field(description="Relative to the project's root, '/'-separated.")
    language: str | None = Field(description="Null: kept, but no analyzer reviews it.")
    size: int = Field(description="UTF-8 bytes.")


class ProjectDetail(ProjectSummary):
    """A project with its files (by path), what was skipped, and how much was ignored."""

    files: list[ProjectFileSummary]
    skipped: list[SkippedFile] = Field(description="Files of the archive not kept, and why.")
    ignored_count: int = Field(
        description="Entries left out by PROJECT_IGNORE or a .gitignore (never read)."
    )
    config_problem: str = Field(
        default="",
        description="Why the project's review_app.toml is not applied; empty when it is, or"
        " when there is none.",
    )
    team_name: str | None = Field(default=None, description="Its team's; null: personal.")
    role: TeamRole | None = Field(
        default=None, description="Your role in its team; null: your personal project."
    )

    @computed_field(description="Paths of the files kept that no analyzer reviews.")
    @property
    def not_reviewed(self) -> list[str]:
        """The files in no supported language."""
        return [file.path for file in self.files if file.language is None]


class ProjectPage(BaseModel):
    """A page of a user's projects, newest first, and how many there are in all."""

    items: list[ProjectSummary]
    total: int
    limit: int
    offset: int
