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
from review_app.models import Project, ProjectFile
from review_app.services import rate_limits
from review_app.services.errors import NotFoundError
from review_app.services.paging import DEFAULT_PAGE_SIZE, checked_limit, newest_first
from review_app.services.projects.errors import InvalidProjectNameError
from review_app.services.projects.settings_files import project_settings
from review_app.services.projects.unpacking import ProjectLimits, UnpackedProject, unpack
from review_app.services.projects.views import (
    ProjectDetail,
    ProjectFileSummary,
    ProjectPage,
    ProjectSummary,
    SkippedFile,
)
from review_app.settings import get_settings

MAX_NAME_LENGTH = 100


def create_project(*, user_id: uuid.UUID, name: str, archive: BinaryIO) -> ProjectDetail:
    """Unpack `archive` (a seekable zip or tar.gz) into a new project of the user's.

    A valid archive counts against the user's project limit; a refused one does not.

    Raises:
        InvalidProjectNameError: the name is blank, too long or holds control characters.
        InvalidArchiveError: not an archive, damaged, unsafe, or with nothing to review.
        ProjectTooLargeError: over MAX_PROJECT_BYTES, MAX_PROJECT_FILES or the ratio limit.
        RateLimitedError: over the user's project limit (RATE_LIMIT_PROJECT).
    """
    name = _clean_name(name)
    return store_project(
        user_id=user_id, name=name, unpacked=unpack(archive, ProjectLimits.of(get_settings()))
    )


def create_empty_project(*, user_id: uuid.UUID, name: str) -> ProjectDetail:
    """A new project of the user's without files, to fill in the workspace.

    Raises:
        InvalidProjectNameError: the name is blank, too long or holds control characters.
        RateLimitedError: over the user's project limit (RATE_LIMIT_PROJECT).
    """
    return store_project(user_id=user_id, name=name, unpacked=UnpackedProject())


def store_project(
    *, user_id: uuid.UUID, name: str, unpacked: UnpackedProject, rate_limited: bool = True
) -> ProjectDetail:
    """Store checked files as a new project of the user's, in one transaction.

    Raises:
        InvalidProjectNameError: the name is blank, too long or holds control characters.
        ProjectTooLargeError: over MAX_PROJECT_BYTES or MAX_PROJECT_FILES.
        RateLimitedError: over the user's project limit (RATE_LIMIT_PROJECT).
    """
    name = _clean_name(name)
    ProjectLimits.of(get_settings()).check(unpacked.total_bytes, len(unpacked.files))
    with session_scope() as session:
        if rate_limited:  # a code host's pull request: limited by the host's deliveries
            rate_limits.enforce(rate_limits.Rule.PROJECT, rate_limits.per_user(user_id))
        project = Project(
            user_id=user_id,
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


def _clean_name(name: str) -> str:
    """The name without surrounding blanks.

    Raises:
        InvalidProjectNameError: blank, over MAX_NAME_LENGTH, control characters, not UTF-8.
    """
    name = name.strip()
    if not name:
        raise InvalidProjectNameError("Give the project a name.")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidProjectNameError(f"The name is longer than {MAX_NAME_LENGTH} characters.")
    if any(ord(character) < 32 or ord(character) == 127 for character in name):
        raise InvalidProjectNameError("The name contains control characters.")
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidProjectNameError("The name is not valid UTF-8.") from None
    return name


def list_projects(
    *, user_id: uuid.UUID, limit: int = DEFAULT_PAGE_SIZE, offset: int = 0
) -> ProjectPage:
    """The user's projects, newest first; `limit` above MAX_PAGE_SIZE is lowered to it.

    Raises:
        InvalidQueryError: a paging value out of range.
    """
    limit = checked_limit(limit, offset)
    mine = Project.user_id == user_id
    with session_scope() as session:
        total, rows = newest_first(session, Project, [mine], limit=limit, offset=offset)
        items = [ProjectSummary.model_validate(project) for project in rows]
    return ProjectPage(items=items, total=total, limit=limit, offset=offset)


def get_project(*, user_id: uuid.UUID, project_id: uuid.UUID) -> ProjectDetail:
    """One of the user's projects with its files (without their content), by path.

    Raises:
        NotFoundError: no such project, or it belongs to someone else.
    """
    with session_scope() as session:
        project = session.get(Project, project_id)
        if project is None or project.user_id != user_id:
            raise NotFoundError("No project with this id.")
        files = session.exec(
            select(ProjectFile)
            .options(defer(ProjectFile.content))
            .where(ProjectFile.project_id == project_id)
        ).all()
        problem = project_settings(session, project_id).problem
        return _detail(project, files).model_copy(update={"config_problem": problem})


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
