"""Creating a project from an uploaded archive and reading projects back; API and pages call these.

A project is unpacked and checked in full before anything is stored, then stored in one
transaction: a refused archive leaves nothing behind and costs no quota.
"""

import uuid
from collections.abc import Sequence
from typing import BinaryIO

from sqlalchemy.orm import defer
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import Project, ProjectFile, Team, TeamRole
from review_app.services import rate_limits
from review_app.services.names import clean_name
from review_app.services.paging import DEFAULT_PAGE_SIZE, checked_limit, newest_first
from review_app.services.projects.settings_files import project_settings
from review_app.services.projects.unpacking import ProjectLimits, UnpackedProject, unpack
from review_app.services.projects.views import (
    ProjectDetail,
    ProjectFileSummary,
    ProjectPage,
    ProjectSummary,
    SkippedFile,
)
from review_app.services.teams.access import project_for, require_role, role_in, visible_projects
from review_app.settings import get_settings


def create_project(
    *, user_id: uuid.UUID, name: str, archive: BinaryIO, team_id: uuid.UUID | None = None
) -> ProjectDetail:
    """Unpack `archive` (a seekable zip or tar.gz) into a new project of the user's, or of
    their team `team_id`.

    A valid archive counts against the user's project limit; a refused one does not.

    Raises:
        NotFoundError: no such team of the user's.
        PermissionDeniedError: a viewer of the team.
        InvalidNameError: the name is blank, too long or holds control characters.
        InvalidArchiveError: not an archive, damaged, unsafe, or with nothing to review.
        ProjectTooLargeError: over MAX_PROJECT_BYTES, MAX_PROJECT_FILES or the ratio limit.
        RateLimitedError: over the user's project limit (RATE_LIMIT_PROJECT).
    """
    name = clean_name(name, "project")
    if team_id is not None:  # before any work on the archive: an outsider learns nothing
        with session_scope() as session:
            require_role(session, team_id, user_id, TeamRole.MEMBER, "create projects")
    unpacked = unpack(archive, ProjectLimits.of(get_settings()))
    return store_project(user_id=user_id, name=name, unpacked=unpacked, team_id=team_id)


def create_empty_project(
    *, user_id: uuid.UUID, name: str, team_id: uuid.UUID | None = None
) -> ProjectDetail:
    """A new project of the user's, or of their team `team_id`, without files, to fill in the
    workspace.

    Raises:
        NotFoundError: no such team of the user's.
        PermissionDeniedError: a viewer of the team.
        InvalidNameError: the name is blank, too long or holds control characters.
        RateLimitedError: over the user's project limit (RATE_LIMIT_PROJECT).
    """
    return store_project(user_id=user_id, name=name, unpacked=UnpackedProject(), team_id=team_id)


def store_project(
    *,
    user_id: uuid.UUID,
    name: str,
    unpacked: UnpackedProject,
    rate_limited: bool = True,
    team_id: uuid.UUID | None = None,
) -> ProjectDetail:
    """Store checked files as a new project of the user's (or their team's), in one
    transaction.

    Raises:
        NotFoundError: no such team of the user's.
        PermissionDeniedError: a viewer of the team.
        InvalidNameError: the name is blank, too long or holds control characters.
        ProjectTooLargeError: over MAX_PROJECT_BYTES or MAX_PROJECT_FILES.
        RateLimitedError: over the user's project limit (RATE_LIMIT_PROJECT).
    """
    name = clean_name(name, "project")
    ProjectLimits.of(get_settings()).check(unpacked.total_bytes, len(unpacked.files))
    with session_scope() as session:
        if team_id is not None:
            require_role(session, team_id, user_id, TeamRole.MEMBER, "create projects")
        if rate_limited:  # a code host's pull request: limited by the host's deliveries
            rate_limits.enforce(rate_limits.Rule.PROJECT, rate_limits.per_user(user_id))
        project = Project(
            user_id=user_id,
            team_id=team_id,
            name=name,
            total_bytes=unpacked.total_bytes,
            file_count=len(unpacked.files),
            skipped=[skipped.model_dump(mode="json") for skipped in unpacked.skipped],
            ignored_count=unpacked.ignored_count,
        )
        files = [
            ProjectFile(
                project_id=project.id,
                path=file.path,
                language=file.language,
                size=file.size,
                sha256=file.sha256,
                content=file.text,
            )
            for file in unpacked.files
        ]
        session.add(project)
        session.add_all(files)
    return _detail(project, files)


def list_projects(
    *,
    user_id: uuid.UUID,
    team_id: uuid.UUID | None = None,
    limit: int = DEFAULT_PAGE_SIZE,
    offset: int = 0,
) -> ProjectPage:
    """The user's projects and their teams' (or only team `team_id`'s), newest first; `limit`
    above MAX_PAGE_SIZE is lowered to it.

    Raises:
        InvalidQueryError: a paging value out of range.
        NotFoundError: no such team of the user's.
    """
    limit = checked_limit(limit, offset)
    conditions = [visible_projects(user_id)]
    with session_scope() as session:
        if team_id is not None:
            require_role(session, team_id, user_id, TeamRole.VIEWER, "see its projects")
            conditions.append(Project.team_id == team_id)
        total, rows = newest_first(session, Project, conditions, limit=limit, offset=offset)
        items = [ProjectSummary.model_validate(project) for project in rows]
    return ProjectPage(items=items, total=total, limit=limit, offset=offset)


def get_project(*, user_id: uuid.UUID, project_id: uuid.UUID) -> ProjectDetail:
    """One of the user's projects, or their teams', with its files (without their content),
    by path.

    Raises:
        NotFoundError: no such project, or it belongs to someone else.
    """
    with session_scope() as session:
        project = project_for(session, user_id, project_id)
        files = session.exec(
            select(ProjectFile)
            .options(defer(ProjectFile.content))
            .where(ProjectFile.project_id == project_id)
        ).all()
        team = session.get(Team, project.team_id) if project.team_id else None
        return _detail(project, files).model_copy(
            update={
                "config_problem": project_settings(session, project_id).problem,
                "team_name": team.name if team else None,
                "role": role_in(session, team.id, user_id) if team else None,
            }
        )


def _detail(project: Project, files: Sequence[ProjectFile]) -> ProjectDetail:
    """The detail view of `project` and its `files`, by path (in code points, whatever the
    database's collation)."""
    return ProjectDetail(
        **ProjectSummary.model_validate(project).model_dump(),
        files=[
            ProjectFileSummary.model_validate(file)
            for file in sorted(files, key=lambda file: file.path)
        ],
        skipped=[SkippedFile.model_validate(skipped) for skipped in project.skipped],
        ignored_count=project.ignored_count,
    )
