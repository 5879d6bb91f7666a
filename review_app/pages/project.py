"""/projects/[project_id]: a project's files, reviewing them all, live progress and the summary."""

import reflex as rx

from review_app import routes
from review_app.components.messages import messages, not_found
from review_app.components.page import page
from review_app.components.table import listing_table
from review_app.state.project_view import CountRow, FileRow, ProjectViewState

FILE_COLUMNS = ("File", "Language", "Status", "Score", "Findings")
SEVERITY_COLORS = {"critical": "red", "high": "orange", "medium": "amber", "low": "blue"}


def _count_badge(row: CountRow) -> rx.Component:
    return rx.badge(
        f"{row.name}: ",
        row.count.to_string(),
        color_scheme=rx.match(row.name, *SEVERITY_COLORS.items(), "gray"),
        variant="soft",
    )


def _file_row(row: FileRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(
            rx.cond(
                row.review_id != "",
                rx.link(row.path, href=routes.review_url(row.review_id)),
                rx.text(row.path),
            )
        ),
        rx.table.cell(row.language),
        rx.table.cell(rx.cond(row.error != "", row.error, row.status)),
        rx.table.cell(rx.cond(row.score >= 0, row.score.to_string(), "—")),
        rx.table.cell(row.findings),
        class_name="project-file-row",
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


def _files() -> rx.Component:
    return listing_table("Files of the project", FILE_COLUMNS, ProjectViewState.files, _file_row)


@page(routes.PROJECT, "Project", on_load=[ProjectViewState.open_from_route])
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
                rx.spacer(),
                rx.button(
                    "Review project",
                    on_click=ProjectViewState.start_review,
                    disabled=ProjectViewState.status == "running",
                ),
                align="center",
                spacing="4",
                width="100%",
            ),
            messages(ProjectViewState.error),
            _progress(),
            _summary(),
            _files(),
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
