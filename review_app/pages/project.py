"""/projects/[project_id]: a project's files, reviewing them all, live progress and the summary."""

import reflex as rx

from review_app import routes
from review_app.components.conversations import conversations_panel, discuss_button
from review_app.components.findings_table import TableSetup, findings_table
from review_app.components.messages import messages, not_found
from review_app.components.page import page
from review_app.components.review_panel import review_panel
from review_app.components.table import listing_table
from review_app.components.triage import baseline_bar, decision_cell
from review_app.components.workspace import workspace_editor
from review_app.state.project_findings import ProjectFindingsState
from review_app.state.project_view import ChangedFileRow, CountRow, FileRow, ProjectViewState
from review_app.state.review_view import ReviewViewState
from review_app.state.triage import TriageState
from review_app.state.workspace import WorkspaceState

CHANGE_COLUMNS = ("File", "Change", "New", "Fixed")
SEVERITY_COLORS = {"critical": "red", "high": "orange", "medium": "amber", "low": "blue"}


def _count_badge(row: CountRow) -> rx.Component:
    return rx.badge(
        f"{row.name}: ",
        row.count.to_string(),
        color_scheme=rx.match(row.name, *SEVERITY_COLORS.items(), "gray"),
        variant="soft",
    )


def _tree_row(row: FileRow) -> rx.Component:
    """A folder, or a file to open with its state, score and finding count."""
    indent = f"calc({row.depth} * 1.1em)"
    return rx.cond(
        row.folder,
        rx.text(row.name, "/", weight="bold", size="2", padding_left=indent),
        rx.hstack(
            rx.button(
                row.name,
                on_click=WorkspaceState.open(row.path),
                aria_label=f"Open {row.path}",
                variant=rx.cond(ProjectViewState.open_path == row.path, "soft", "ghost"),
                size="1",
                title=row.path,
            ),
            rx.spacer(),
            rx.cond(
                row.error != "",
                rx.badge("failed", color_scheme="red", title=row.error),
                rx.cond(
                    row.score >= 0,
                    rx.badge(
                        row.findings.to_string(),
                        color_scheme=rx.cond(row.findings > 0, "amber", "green"),
                        title="findings",
                    ),
                    rx.text(row.status, size="1", color_scheme="gray"),
                ),
            ),
            padding_left=indent,
            width="100%",
            class_name="project-file-row",
        ),
    )


def _progress() -> rx.Component:
    return rx.cond(
        ProjectViewState.status == "running",
        rx.vstack(
            rx.text(
                "Reviewed ",
                ProjectViewState.files_done.to_string(),
                " of ",
                ProjectViewState.file_count.to_string(),
                " files; ",
                ProjectViewState.findings_so_far.to_string(),
                " findings so far",
                rx.cond(ProjectViewState.current_file != "", " (last: ", ""),
                ProjectViewState.current_file,
                rx.cond(ProjectViewState.current_file != "", ")", ""),
                role="status",
                id="project-progress",
            ),
            rx.progress(value=ProjectViewState.percent, width="100%"),
            width="100%",
        ),
    )


def _changed_file(row: ChangedFileRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row.path),
        rx.table.cell(row.change),
        rx.table.cell(row.new),
        rx.table.cell(row.fixed),
        class_name="changed-file-row",
    )


def _change() -> rx.Component:
    """A change review: what the change brought and fixed, against the version before."""
    return rx.cond(
        ProjectViewState.change_new >= 0,
        rx.vstack(
            rx.text(
                "Against the version before: ",
                rx.text.strong(ProjectViewState.change_new.to_string(), " new"),
                ", ",
                ProjectViewState.change_fixed.to_string(),
                " fixed, ",
                ProjectViewState.change_unchanged.to_string(),
                " unchanged (not counted by the gate)",
                id="project-change",
            ),
            listing_table(
                "Changed files", CHANGE_COLUMNS, ProjectViewState.changed_files, _changed_file
            ),
            width="100%",
        ),
    )


def _change_dialog() -> rx.Component:
    """Paste a unified diff: it becomes this project's next version, reviewed as a change."""
    return rx.dialog.root(
        rx.dialog.trigger(rx.button("Review a change", variant="soft")),
        rx.dialog.content(
            rx.dialog.title("Review a change"),
            rx.dialog.description(
                "Paste a unified diff of this project (what git diff prints). It is applied to a "
                "copy, and only the files it changes are reviewed, against their versions here."
            ),
            rx.form(
                rx.text_area(
                    name="diff",
                    rows="14",
                    aria_label="Unified diff",
                    font_family="monospace",
                    width="100%",
                ),
                messages(ProjectViewState.diff_error),
                rx.hstack(
                    rx.dialog.close(rx.button("Cancel", variant="soft", type="button")),
                    rx.button("Review change", type="submit"),
                    justify="end",
                    margin_top="1em",
                ),
                on_submit=ProjectViewState.review_change,
            ),
        ),
        open=ProjectViewState.diff_open,
        on_open_change=ProjectViewState.set_diff_open,
    )


def _summary() -> rx.Component:
    return rx.cond(
        ProjectViewState.status == "completed",
        rx.vstack(
            rx.heading(
                "Score ",
                ProjectViewState.score.to_string(),
                "/100 · ",
                ProjectViewState.findings_so_far.to_string(),
                " findings in ",
                ProjectViewState.file_count.to_string(),
                " files",
                size="5",
                id="project-score",
            ),
            rx.hstack(rx.foreach(ProjectViewState.severities, _count_badge), wrap="wrap"),
            rx.hstack(rx.foreach(ProjectViewState.categories, _count_badge), wrap="wrap"),
            _change(),
            baseline_bar(),
            rx.cond(
                ProjectViewState.worst_files.length() > 0,
                rx.text("Look first at: ", rx.text.strong(ProjectViewState.worst_files.join(", "))),
            ),
            rx.hstack(
                *[
                    rx.button(
                        f"Download {label}",
                        on_click=ProjectViewState.download(export_format),
                        variant="soft",
                        size="1",
                    )
                    for export_format, label in (("sarif", "SARIF"), ("markdown", "Markdown"))
                ]
            ),
            width="100%",
        ),
    )


def _workspace() -> rx.Component:
    """The file tree beside the open files: the editor, and the open file's latest review."""
    viewer = rx.vstack(
        workspace_editor(),
        rx.cond(
            ReviewViewState.review_id != "",
            rx.vstack(
                rx.link("full review", href=routes.review_url(ReviewViewState.review_id), size="1"),
                review_panel(apply_fix=WorkspaceState.apply_fix),
                width="100%",
            ),
        ),
        width="100%",
    )
    return rx.flex(
        rx.vstack(
            rx.foreach(ProjectViewState.files, _tree_row),
            spacing="1",
            min_width="16em",
            width="28%",
            aria_label="Files of the project",
        ),
        rx.box(viewer, flex="1", min_width="0"),
        spacing="5",
        width="100%",
    )


PROJECT_FINDINGS = TableSetup(
    state=ProjectFindingsState,
    go_to=lambda row: WorkspaceState.open_at(row.path, row.line),
    fix=lambda row: WorkspaceState.fix_in(row.path, row.index, row.line),
    across_files=True,
    label="Project findings",
    decision=lambda row: rx.vstack(decision_cell(row), discuss_button(row), spacing="1"),
)


def _project_findings() -> rx.Component:
    """Every file's findings in one list: filtered, grouped, opened in the editor, fixed."""
    return rx.cond(
        ProjectViewState.status == "completed",
        rx.vstack(
            rx.heading("Findings across the project", size="4"),
            findings_table(PROJECT_FINDINGS),
            conversations_panel(),
            width="100%",
            id="project-findings",
        ),
    )


@page(
    routes.PROJECT,
    "Project",
    on_load=[
        WorkspaceState.start_fresh,
        ProjectViewState.open_from_route,
        TriageState.load_baseline,
    ],
)
def project_page() -> rx.Component:
    """The project, its review's progress and summary, and its files."""
    return rx.cond(
        ProjectViewState.not_found,
        not_found(
            "Project not found",
            "There is no project of yours with this address.",
            "Back to your projects",
            routes.PROJECTS,
        ),
        rx.vstack(
            rx.hstack(
                rx.link("← Projects", href=routes.PROJECTS),
                rx.heading(ProjectViewState.name, size="6"),
                rx.cond(
                    ProjectViewState.team_label != "",
                    rx.badge(ProjectViewState.team_label, id="project-team"),
                ),
                rx.spacer(),
                rx.cond(
                    ProjectViewState.may_review,
                    rx.hstack(
                        _change_dialog(),
                        rx.button(
                            "Review project",
                            on_click=ProjectViewState.start_review,
                            disabled=ProjectViewState.status == "running",
                        ),
                        spacing="4",
                    ),
                ),
                align="center",
                spacing="4",
                width="100%",
            ),
            messages(ProjectViewState.error),
            rx.cond(
                ProjectViewState.config_problem != "",
                rx.callout(
                    ProjectViewState.config_problem,
                    icon="triangle_alert",
                    color_scheme="amber",
                    id="config-problem",
                ),
            ),
            _progress(),
            _summary(),
            _workspace(),
            _project_findings(),
            rx.cond(
                ProjectViewState.not_reviewed.length() > 0,
                rx.text(
                    "Kept but not reviewed (no analyzer for their language): ",
                    ProjectViewState.not_reviewed.join(", "),
                    color_scheme="gray",
                    size="2",
                ),
            ),
            rx.cond(
                ProjectViewState.skipped.length() > 0,
                rx.text(
                    "Skipped: ", ProjectViewState.skipped.join(", "), color_scheme="gray", size="2"
                ),
            ),
            spacing="4",
            width="100%",
        ),
    )
