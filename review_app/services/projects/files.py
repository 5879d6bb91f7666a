"""A project's files one by one, as the workspace edits them: read, write (create or replace),
rename and delete; each change keeps the project within its limits and its totals right.

A review keeps its own copy of each file's code, so editing a project never changes a review
made before; the next project review sees the edit (and re-runs only the files that changed).
"""

import hashlib
import uuid

from pydantic import Field
from sqlmodel import Session, select

from review_app.db import session_scope
from review_app.models import Project, ProjectFile, TeamRole
from review_app.review.errors import BinaryCodeError, CodeTooLargeError, InvalidSubmissionError
from review_app.review.languages import language_for_filename
from review_app.review.project_settings import SETTINGS_FILES
from review_app.services.errors import NotFoundError, PathTakenError
from review_app.services.projects.archives import normalized_path
from review_app.services.projects.unpacking import ProjectLimits
from review_app.services.projects.views import ProjectFileSummary
from review_app.services.teams.access import project_for
from review_app.settings import get_settings


class ProjectFileContent(ProjectFileSummary):
    """A file of a project with its text."""

    content: str = Field(description="UTF-8 text.")


def read_file(*, user_id: uuid.UUID, project_id: uuid.UUID, path: str) -> ProjectFileContent:
    """One file of the user's project, with its text.

    Raises:
        NotFoundError: no such project of the user's, or no such file in it.
        InvalidSubmissionError: the path is absolute, climbs out with '..', or is unreadable.
    """
    with session_scope() as session:
        file = _file(session, user_id, project_id, _clean(path))
        return ProjectFileContent.model_validate(file)


def write_file(
    *, user_id: uuid.UUID, project_id: uuid.UUID, path: str, content: str
) -> ProjectFileSummary:
    """Create the file at `path`, or replace its text.

    Raises:
        NotFoundError: no such project of the user's.
        PermissionDeniedError: a team's viewer; a team's member changing a settings file.
        InvalidSubmissionError: an unsafe path; text with NUL characters or over MAX_CODE_BYTES.
        ProjectTooLargeError: the project would pass MAX_PROJECT_BYTES or MAX_PROJECT_FILES.
    """
    path = _clean(path)
    raw = _checked_text(content)
    with session_scope() as session:
        project = _project(session, user_id, project_id, changing=(path,))
        file = _find(session, project_id, path)
        if file is None:
            file = ProjectFile(project_id=project_id, path=path, size=0, sha256="", content="")
            project.file_count += 1
        project.total_bytes += len(raw) - file.size
        ProjectLimits.of(get_settings()).check(project.total_bytes, project.file_count)
        file.content, file.size = content, len(raw)
        file.sha256 = hashlib.sha256(raw).hexdigest()
        file.language = language_for_filename(path)
        session.add_all([project, file])
        session.flush()
        return ProjectFileSummary.model_validate(file)


def rename_file(
    *, user_id: uuid.UUID, project_id: uuid.UUID, path: str, new_path: str
) -> ProjectFileSummary:
    """Move a file to `new_path` (its language follows the new name).

    Raises:
        NotFoundError: no such project of the user's, or no such file in it.
        PermissionDeniedError: a team's viewer; a team's member changing a settings file.
        PathTakenError: a file is already at `new_path`.
        InvalidSubmissionError: an unsafe path.
    """
    path, new_path = _clean(path), _clean(new_path)
    with session_scope() as session:
        file = _file(session, user_id, project_id, path, changing=(path, new_path))
        if new_path != path and _find(session, project_id, new_path) is not None:
            raise PathTakenError(f"The project already has a file at {new_path!r}.")
        file.path, file.language = new_path, language_for_filename(new_path)
        session.add(file)
        session.flush()
        return ProjectFileSummary.model_validate(file)


def delete_file(*, user_id: uuid.UUID, project_id: uuid.UUID, path: str) -> None:
    """Remove a file from the user's project.

    Raises:
        NotFoundError: no such project of the user's, or no such file in it.
        PermissionDeniedError: a team's viewer; a team's member changing a settings file.
        InvalidSubmissionError: an unsafe path.
    """
    with session_scope() as session:
        path = _clean(path)
        file = _file(session, user_id, project_id, path, changing=(path,))
        project = session.get(Project, project_id)
        project.file_count -= 1
        project.total_bytes -= file.size
        session.delete(file)
        session.add(project)


def _clean(path: str) -> str:
    """The path normalized as an archive's entries are.

    Raises:
        InvalidSubmissionError: unsafe, as `normalized_path` says, or naming no file.
    """
    try:
        cleaned = normalized_path(path)
    except InvalidSubmissionError as error:
        raise InvalidSubmissionError(str(error).replace("The entry", "The path", 1)) from None
    if not cleaned:
        raise InvalidSubmissionError("The path names no file.")
    return cleaned


def _checked_text(content: str) -> bytes:
    """The UTF-8 bytes of a file's new text, which must be text a review can take."""
    try:
        raw = content.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidSubmissionError("The text is not valid UTF-8.") from None
    limit = get_settings().max_code_bytes
    if len(raw) > limit:
        raise CodeTooLargeError(len(raw), limit)
    if b"\x00" in raw:
        raise BinaryCodeError
    return raw


def _project(
    session: Session, user_id: uuid.UUID, project_id: uuid.UUID, changing: tuple[str, ...] = ()
) -> Project:
    """The project, if the user may read it, or change the files at the paths `changing`: in
    a team's project that takes a member, and a maintainer for the settings files at its root
    (its rules)."""
    if not changing:
        return project_for(session, user_id, project_id)
    if any(path in SETTINGS_FILES for path in changing):
        doing = "change the review settings files"
        return project_for(session, user_id, project_id, TeamRole.MAINTAINER, doing)
    return project_for(session, user_id, project_id, TeamRole.MEMBER, "change files")


def _find(session: Session, project_id: uuid.UUID, path: str) -> ProjectFile | None:
    return session.exec(
        select(ProjectFile).where(ProjectFile.project_id == project_id, ProjectFile.path == path)
    ).first()


def _file(
    session: Session,
    user_id: uuid.UUID,
    project_id: uuid.UUID,
    path: str,
    changing: tuple[str, ...] = (),
) -> ProjectFile:
    _project(session, user_id, project_id, changing)
    file = _find(session, project_id, path)
    if file is None:
        raise NotFoundError(f"The project has no file at {path!r}.")
    return file
