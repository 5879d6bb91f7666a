"""`/api/projects/{id}/files/{path}`: read, write, rename and delete a project's files."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from review_app.api.deps import SignedInUser
from review_app.api.text_rules import PROJECT_PATH_PATTERN
from review_app.services.projects import files
from review_app.services.projects.archives import MAX_PATH_LENGTH
from review_app.services.projects.files import ProjectFileContent
from review_app.services.projects.views import ProjectFileSummary

router = APIRouter(prefix="/api/projects/{project_id}/files", tags=["projects"])
FilePath = Annotated[
    str,
    Path(
        description="Relative to the project's root, '/'-separated.",
        max_length=MAX_PATH_LENGTH,
        json_schema_extra={"pattern": PROJECT_PATH_PATTERN},  # checked by the service
    ),
]
_UNSAFE = "An absolute path, one that climbs out with '..', or control characters."
_MISSING = {404: {"description": "No such project of yours, or no file at that path."}}
_VIEWER = {
    403: {
        "description": "A viewer of the project's team, or a member changing a settings file"
        " (review_app.toml and the analyzers' own: a maintainer's)."
    }
}


class FileText(BaseModel):
    """A file's new text."""

    content: str = Field(description="UTF-8 text, at most MAX_CODE_BYTES, without NUL.")


class NewPath(BaseModel):
    """Where a file moves to."""

    path: str = Field(
        max_length=MAX_PATH_LENGTH, json_schema_extra={"pattern": PROJECT_PATH_PATTERN}
    )


@router.get("/{path:path}", responses={**_MISSING, 422: {"description": _UNSAFE}})
async def read(project_id: uuid.UUID, path: FilePath, user: SignedInUser) -> ProjectFileContent:
    """One file with its text."""
    return await run_in_threadpool(
        files.read_file, user_id=user.id, project_id=project_id, path=path
    )


@router.put(
    "/{path:path}",
    responses={
        **_VIEWER,
        404: {"description": "No such project of yours."},
        413: {"description": "Over MAX_CODE_BYTES, or the project past its limits."},
        422: {"description": f"{_UNSAFE} Or text with NUL characters."},
    },
)
async def write(
    project_id: uuid.UUID, path: FilePath, body: FileText, user: SignedInUser
) -> ProjectFileSummary:
    """Create the file, or replace its text; its language follows its name."""
    return await run_in_threadpool(
        files.write_file, user_id=user.id, project_id=project_id, path=path, content=body.content
    )


@router.patch(
    "/{path:path}",
    responses={
        **_VIEWER,
        **_MISSING,
        409: {"description": "A file is already at the new path."},
        422: {"description": _UNSAFE},
    },
)
async def rename(
    project_id: uuid.UUID, path: FilePath, body: NewPath, user: SignedInUser
) -> ProjectFileSummary:
    """Move the file to `path` in the body."""
    return await run_in_threadpool(
        files.rename_file, user_id=user.id, project_id=project_id, path=path, new_path=body.path
    )


@router.delete(
    "/{path:path}",
    status_code=204,
    response_class=Response,
    responses={**_VIEWER, **_MISSING, 422: {"description": _UNSAFE}},
)
async def delete(project_id: uuid.UUID, path: FilePath, user: SignedInUser) -> Response:
    """Remove the file from the project."""
    await run_in_threadpool(files.delete_file, user_id=user.id, project_id=project_id, path=path)
    return Response(status_code=204)
