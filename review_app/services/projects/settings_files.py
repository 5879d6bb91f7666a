"""A project's own settings, read from the settings files at its root."""

import uuid

from sqlmodel import Session, select

from review_app.models import ProjectFile
from review_app.review.project_settings import SETTINGS_FILES, ProjectSettings, read_settings


def project_settings(session: Session, project_id: uuid.UUID) -> ProjectSettings:
    """The analyzer settings and review_app.toml in the files at the project's root."""
    rows = session.exec(
        select(ProjectFile.path, ProjectFile.content).where(
            ProjectFile.project_id == project_id, ProjectFile.path.in_(SETTINGS_FILES)
        )
    ).all()
    return read_settings(dict(rows))
