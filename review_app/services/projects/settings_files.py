"""A project's own settings, read from the settings files at its root, laid over its
workspace's (its team's, or its owner's personal) rule configuration."""

import uuid

from sqlmodel import Session, select

from review_app.models import Project, ProjectFile
from review_app.review.project_settings import SETTINGS_FILES, ProjectSettings, read_settings
from review_app.services.teams.workspace_config import config_of


def project_settings(session: Session, project_id: uuid.UUID) -> ProjectSettings:
    """The analyzer settings and review_app.toml in the files at the project's root, over the
    configuration of the workspace it belongs to."""
    rows = session.exec(
        select(ProjectFile.path, ProjectFile.content).where(
            ProjectFile.project_id == project_id, ProjectFile.path.in_(SETTINGS_FILES)
        )
    ).all()
    settings = read_settings(dict(rows))
    project = session.get(Project, project_id)
    workspace = project and config_of(session, team_id=project.team_id, user_id=project.user_id)
    if workspace:
        config, source = workspace
        settings.config = config.under(settings.config)
        settings.sources.insert(0, source)
    return settings
