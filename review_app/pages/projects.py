"""/projects: upload a zip or tar.gz as a project, and the list of your projects."""

import dataclasses
import io
from functools import partial
from pathlib import PurePosixPath

import reflex as rx

from review_app import routes
from review_app.components.labeled import labeled
from review_app.components.messages import messages
from review_app.components.page import page
from review_app.components.table import listing_table
from review_app.review.errors import InvalidSubmissionError
from review_app.services.errors import ServiceError
from review_app.services.names import MAX_NAME_LENGTH
from review_app.services.projects import store as projects
from review_app.services.projects.views import ProjectSummary
from review_app.state.session import SessionState
from review_app.state.timestamps import shown_time

UPLOAD_ID = "project-archive"
COLUMNS = ("Project", "Files", "Size", "Created")


@dataclasses.dataclass
class ProjectRow:
    """One project as the list shows it."""

    id: str
    name: str
    files: int
    size: str
    created: str

    @classmethod
    def of(cls, project: ProjectSummary) -> "ProjectRow":
        """The row of a project summary."""
        return cls(
            id=str(project.id),
            name=project.name,
            files=project.file_count,
            size=f"{project.total_bytes / 1000:,.1f} kB",
            created=shown_time(project.created_at),
        )


class ProjectsState(rx.State):
    """The user's projects and the upload form."""

    name: str = ""
    rows: list[ProjectRow] = []
    error: str = ""
    uploading: bool = False

    @rx.event
    async def load(self) -> None:
        """Read the user's newest projects."""
        try:
            user = await (await self.get_state(SessionState))._current_user()
            listing = await rx.run_in_thread(partial(projects.list_projects, user_id=user.id))
        except ServiceError as error:
            self.error = str(error)
            return
        self.rows = [ProjectRow.of(item) for item in listing.items]

    @rx.event
    def set_name(self, name: str) -> None:
        """The name typed for the next project."""
        self.name = name[: MAX_NAME_LENGTH + 1]

    @rx.event
    async def upload_project_archive(self, files: list[rx.UploadFile]):
        """Unpack the uploaded archive into a new project and open it."""
        self.error = ""
        if not files:
            self.error = "Choose a .zip or .tar.gz to upload."
            return
        archive = files[0]
        name = self.name.strip() or PurePosixPath(archive.name or "project").name.split(".")[0]
        self.uploading = True
        yield
        try:
            user = await (await self.get_state(SessionState))._current_user()
            data = await archive.read()
            create = partial(
                projects.create_project, user_id=user.id, name=name, archive=io.BytesIO(data)
            )
            detail = await rx.run_in_thread(create)
        except (ServiceError, InvalidSubmissionError) as error:
            self.error = f"{archive.name}: {error}"
            return
        finally:
            self.uploading = False
        self.name = ""
        yield rx.redirect(routes.project_url(detail.id))

    @rx.event
    async def create_empty(self):
        """Start a project without files (named in the field) and open it to add some."""
        self.error = ""
        try:
            user = await (await self.get_state(SessionState))._current_user()
            create = partial(
                projects.create_empty_project, user_id=user.id, name=self.name or "untitled"
            )
            detail = await rx.run_in_thread(create)
        except ServiceError as error:
            self.error = str(error)
            return None
        self.name = ""
        return rx.redirect(routes.project_url(detail.id))


def _upload_form() -> rx.Component:
    return rx.hstack(
        labeled(
            "Project name",
            rx.input(
                value=ProjectsState.name,
                on_change=ProjectsState.set_name,
                placeholder="named after the archive",
                aria_label="Project name",
            ),
        ),
        rx.upload.root(
            rx.button("Upload a .zip or .tar.gz", type="button", loading=ProjectsState.uploading),
            id=UPLOAD_ID,
            multiple=False,
            max_files=1,
            on_drop=ProjectsState.upload_project_archive(rx.upload_files(upload_id=UPLOAD_ID)),
            aria_label="Upload a project archive",
        ),
        rx.button("Start an empty project", on_click=ProjectsState.create_empty, variant="soft"),
        align="end",
        spacing="3",
        wrap="wrap",
    )


def _row(row: ProjectRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.link(row.name, href=routes.project_url(row.id))),
        rx.table.cell(row.files),
        rx.table.cell(row.size),
        rx.table.cell(row.created),
        class_name="project-row",
    )


@page(routes.PROJECTS, "Projects", on_load=[ProjectsState.load], nav=(2, "Projects"))
def projects_page() -> rx.Component:
    """Upload a project, and the user's projects."""
    return rx.vstack(
        rx.heading("Projects", size="6"),
        rx.text(
            "A project is the files of an archive (binary files skipped, .gitignore honoured); "
            "open one to review every file at once.",
            color_scheme="gray",
        ),
        _upload_form(),
        messages(ProjectsState.error),
        listing_table("Your projects", COLUMNS, ProjectsState.rows, _row),
        spacing="4",
        width="100%",
    )
