"""`/api/projects`: create a project from a zip or tar.gz, list yours, read one."""

import uuid
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, UploadFile
from starlette.concurrency import run_in_threadpool

from review_app.api.deps import SignedInUser
from review_app.api.queries import PageLimit, PageOffset
from review_app.api.text_rules import NAME_PATTERN
from review_app.services.names import MAX_NAME_LENGTH
from review_app.services.paging import DEFAULT_PAGE_SIZE
from review_app.services.projects import store as projects
from review_app.services.projects.views import ProjectDetail, ProjectPage

router = APIRouter(prefix="/api/projects", tags=["projects"])

ProjectName = Annotated[
    str,
    Form(
        max_length=MAX_NAME_LENGTH,
        description="Not blank, without control characters.",
        json_schema_extra={"pattern": NAME_PATTERN},
    ),
]
TeamField = Annotated[
    uuid.UUID | None,
    Form(description="The team it is to belong to (a member or above); none: your own."),
]
ArchiveFile = Annotated[
    UploadFile,
    File(
        description="A .zip or .tar.gz (told by its content) of at most MAX_PROJECT_FILES files"
        " and MAX_PROJECT_BYTES of text; links, devices, '..' and absolute paths are refused,"
        " binary files skipped, .gitignore and PROJECT_IGNORE honoured."
    ),
]


@router.post(
    "",
    status_code=201,
    responses={
        403: {"description": "A viewer of the team cannot create its projects."},
        404: {"description": "No such team of yours."},
        413: {
            "description": "The archive unpacks past MAX_PROJECT_BYTES, MAX_PROJECT_FILES or"
            " MAX_ARCHIVE_RATIO times its size (or the body is over its cap)."
        },
        422: {
            "description": "A blank name; not a zip or tar.gz, or damaged; an unsafe or repeated"
            " entry; or no file in a supported language."
        },
        429: {"description": "Too many projects created (RATE_LIMIT_PROJECT)."},
    },
)
async def create(
    user: SignedInUser, name: ProjectName, archive: ArchiveFile, team_id: TeamField = None
) -> ProjectDetail:
    """Unpack an archive into a new project: its files, and those skipped with the reason."""
    return await run_in_threadpool(
        projects.create_project, user_id=user.id, name=name, archive=archive.file, team_id=team_id
    )


@router.get(
    "",
    responses={
        404: {"description": "No such team of yours."},
        422: {"description": "A paging value is invalid."},
    },
)
async def listing(
    user: SignedInUser,
    team: Annotated[uuid.UUID | None, Query(description="Only this team's projects.")] = None,
    limit: PageLimit = DEFAULT_PAGE_SIZE,
    offset: PageOffset = 0,
) -> ProjectPage:
    """Your projects and your teams', newest first."""
    return await run_in_threadpool(
        projects.list_projects, user_id=user.id, team_id=team, limit=limit, offset=offset
    )


@router.get("/{project_id}", responses={404: {"description": "No such project of yours."}})
async def project(project_id: uuid.UUID, user: SignedInUser) -> ProjectDetail:
    """One project: its files (path, language, size), those skipped, and how many ignored."""
    return await run_in_threadpool(projects.get_project, user_id=user.id, project_id=project_id)
