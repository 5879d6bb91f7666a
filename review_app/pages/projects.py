"""/projects: upload a zip or tar.gz as a project, and the list of your projects."""

import dataclasses
import io
import uuid
from functools import partial
from pathlib import PurePosixPath

import reflex as rx

from review_app import routes
from review_app.components.labeled import labeled
from review_app.components.messages import messages
from review_app.components.page import page
from review_app.components.table import listing_table
from review_app.models import TeamRole
from review_app.review.errors import InvalidSubmissionError
from review_app.services.errors import ServiceError
from review_app.services.names import MAX_NAME_LENGTH
from review_app.services.projects import store as projects
from review_app.services.projects.views import ProjectSummary
from review_app.services.teams import membership
from review_app.state.session import SessionState
from review_app.state.timestamps import shown_time

UPLOAD_ID = "project-archive"
COLUMNS = ("Project", "Workspace", "Files", "Size", "Created")
PERSONAL = "personal"  # the workspace select's value for the user's own projects


@dataclasses.dataclass
class ProjectRow:
    """One project as the list shows it."""

    id: str
    name: str
    workspace: str  # the team's name, or "Personal"
    files: int
    size: str
    created: str

    @classmethod
    def of(cls, project: ProjectSummary, team_names: dict[str, str]) -> "ProjectRow":
        """The row of a project summary; `team_names` by team id."""
        return cls(
            id=str(project.id),
            name=project.name,
            workspace=team_names.get(str(project.team_id), "Personal"),
            files=project.file_count,
            size=f"{project.total_bytes / 1000:,.1f} kB",
            created=shown_time(project.created_at),
        )


@dataclasses.dataclass
class WorkspaceOption:
    """Where a new project may go: the user's own, or a team they may create projects in."""

    value: str
    label: str


class ProjectsState(rx.State):
    """The user's projects and their teams', and the upload form."""

    name: str = ""
    workspace: str = PERSONAL
    workspaces: list[WorkspaceOption] = [WorkspaceOption(PERSONAL, "Personal")]
    rows: list[ProjectRow] = []
    error: str = ""
    uploading: bool = False

    @rx.event
    async def load(self) -> None:
        """Read the user's newest projects and their teams'."""
        try:
            user = await (await self.get_state(SessionState))._current_user()
            listing = await rx.run_in_thread(partial(projects.list_projects, user_id=user.id))
            teams = await rx.run_in_thread(partial(membership.list_teams, actor=user))
        except ServiceError as error:
            self.error = str(error)
            return
        names = {str(team.id): team.name for team in teams}
        self.rows = [ProjectRow.of(item, names) for item in listing.items]
        self.workspaces = [WorkspaceOption(PERSONAL, "Personal")] + [
            WorkspaceOption(str(team.id), f"Team: {team.name}")
            for team in teams
            if team.role.at_least(TeamRole.MEMBER)
        ]
        if self.workspace not in {option.value for option in self.workspaces}:
            self.workspace = PERSONAL

    @rx.event
    def set_workspace(self, workspace: str) -> None:
        """Where the next project goes."""
        self.workspace = workspace

    def _team_id(self) -> uuid.UUID | None:
        return None if self.workspace == PERSONAL else uuid.UUID(self.workspace)

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
                projects.create_project,
                user_id=user.id,
                name=name,
                archive=io.BytesIO(data),
                team_id=self._team_id(),
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
                projects.create_empty_project,
                user_id=user.id,
                name=self.name or "untitled",
                team_id=self._team_id(),
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
        labeled(
            "Workspace",
            rx.select.root(
                rx.select.trigger(aria_label="Workspace"),
                rx.select.content(
                    rx.foreach(
                        ProjectsState.workspaces,
                        lambda option: rx.select.item(option.label, value=option.value),
                    )
                ),
                value=ProjectsState.workspace,
                on_change=ProjectsState.set_workspace,
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
        rx.table.cell(row.workspace),
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
        listing_table("Your projects and your teams'", COLUMNS, ProjectsState.rows, _row),
        spacing="4",
        width="100%",
    )
