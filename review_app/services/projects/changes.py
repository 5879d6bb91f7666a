"""A change sent as a unified diff against one of the user's projects (what `git diff` prints):
applied to the project's files into a new project, which is then reviewed as a change from it.

The diff is applied exactly (whatthepatch, no fuzz): a hunk that does not match its base file
refuses the whole change, and nothing is stored.
"""

import uuid

import whatthepatch
from sqlmodel import select
from whatthepatch.exceptions import WhatThePatchException

from review_app.db import session_scope
from review_app.models import ProjectFile, TeamRole
from review_app.review.errors import InvalidSubmissionError
from review_app.services.projects import reviewing
from review_app.services.projects.archives import normalized_path
from review_app.services.projects.review_views import StartedProjectReview
from review_app.services.projects.store import store_project
from review_app.services.projects.unpacking import UnpackedFile, UnpackedProject
from review_app.services.teams.access import project_for

NO_FILE = "/dev/null"


class InvalidDiffError(InvalidSubmissionError):
    """Not a unified diff, or it does not apply to the project it is sent against."""


def review_diff(
    *, user_id: uuid.UUID, base_project_id: uuid.UUID, diff: str
) -> StartedProjectReview:
    """Apply `diff` to the user's project into a new project (of the same team, for a team's
    project), and review the change.

    Raises:
        NotFoundError: no such project of the user's.
        PermissionDeniedError: a viewer of the project's team.
        InvalidDiffError: not a diff, or a hunk does not apply, or a path is unsafe.
        ProjectTooLargeError, RateLimitedError: as creating and reviewing a project do.
    """
    with session_scope() as session:
        base = project_for(session, user_id, base_project_id, TeamRole.MEMBER, "review changes")
        texts = dict(
            session.exec(
                select(ProjectFile.path, ProjectFile.content).where(
                    ProjectFile.project_id == base_project_id
                )
            ).all()
        )
        name = f"{base.name} + change"[:100]
    changed = UnpackedProject(
        files=[UnpackedFile.of(path, text) for path, text in _apply(texts, diff).items()]
    )
    changed.total_bytes = sum(file.size for file in changed.files)
    head = store_project(user_id=user_id, name=name, unpacked=changed, team_id=base.team_id)
    return reviewing.start_project_review(
        user_id=user_id, project_id=head.id, base_project_id=base_project_id
    )


def _apply(texts: dict[str, str], diff: str) -> dict[str, str]:
    """The files after the diff.

    Raises:
        InvalidDiffError: see `review_diff`.
    """
    try:
        patches = list(whatthepatch.parse_patch(diff))
    except WhatThePatchException as error:
        raise InvalidDiffError(f"This is not a unified diff: {error}") from None
    patches = [patch for patch in patches if patch.header is not None and patch.changes]
    if not patches:
        raise InvalidDiffError("The diff changes no file: send what `git diff` prints.")
    result = dict(texts)
    for patch in patches:
        old = _path(patch.header.old_path, texts)
        new = _path(patch.header.new_path, texts)
        before = "" if old is None else _existing(texts, old)
        try:
            lines = whatthepatch.apply_diff(patch, before.splitlines())
        except WhatThePatchException:
            raise InvalidDiffError(
                f"The diff does not apply to {old or new}: a hunk does not match the project."
            ) from None
        if old is not None:
            result.pop(old, None)
        if new is not None:
            result[new] = "\n".join(lines) + "\n" if lines else ""
    return {path: text for path, text in result.items() if text}


def _path(name: str | None, texts: dict[str, str]) -> str | None:
    """The project path a diff header names; None for /dev/null. git's a/ and b/ prefixes go
    when the path is not in the project with them."""
    if not name or name == NO_FILE:
        return None
    try:
        path = normalized_path(name)
    except InvalidSubmissionError as error:
        raise InvalidDiffError(str(error).replace("entry", "diff's file", 1)) from None
    if path not in texts and path[:2] in ("a/", "b/"):
        return path[2:]
    return path


def _existing(texts: dict[str, str], path: str) -> str:
    if path not in texts:
        raise InvalidDiffError(f"The diff changes {path!r}, which the project does not hold.")
    return texts[path]
