"""The live list of the user's review jobs, with progress bars moved by worker pushes."""

import reflex as rx

from review_app.state.jobs import JobRow, JobsState
from review_app.state.review_view import ReviewViewState


def _job(job: JobRow) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.text(job.label, weight="medium", trim="both", truncate=True),
                rx.spacer(),
                rx.cond(job.cached, rx.badge("cached", color_scheme="gray")),
                rx.cond(job.score >= 0, rx.badge(f"score {job.score}", color_scheme="indigo")),
                width="100%",
                align="center",
            ),
            rx.progress(value=job.progress, max=100, aria_label=f"Progress of {job.label}"),
            rx.text(
                job.stage,
                rx.cond(job.error != "", f": {job.error}", ""),
                size="1",
                color_scheme=rx.cond(job.status == "failed", "red", "gray"),
            ),
            spacing="2",
            width="100%",
        ),
        as_child=False,
        on_click=ReviewViewState.open(job.id),
        cursor="pointer",
        role="button",
        aria_label=f"Open review of {job.label}",
        data_status=job.status,
        data_review_id=job.id,
        class_name="job-card",
        width="100%",
    )


def job_list() -> rx.Component:
    """The newest jobs, newest first."""
    return rx.vstack(
        rx.heading("Jobs", size="3", as_="h2"),
        rx.cond(
            JobsState.jobs.length() > 0,
            rx.foreach(JobsState.jobs, _job),
            rx.text("Submitted reviews show up here.", size="2", color_scheme="gray"),
        ),
        spacing="2",
        width="100%",
        aria_live="polite",
    )
