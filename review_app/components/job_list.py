"""The live list of the user's review jobs, with progress bars moved by worker pushes."""

from collections.abc import Callable

import reflex as rx
from reflex_base.vars.function import FunctionStringVar

from review_app.state.jobs import JobRow, JobsState
from review_app.state.review_view import ReviewViewState

OpenJob = Callable[[str], rx.event.EventSpec]
# Enter or Space on a focused job card opens it, as on a native button.
PRESS_LIKE_A_BUTTON = FunctionStringVar.create(
    "(event) => { if (event.key === 'Enter' || event.key === ' ') "
    "{ event.preventDefault(); event.currentTarget.click(); } }"
)


def _job(job: JobRow, open_job: OpenJob) -> rx.Component:
    """A job's card, a button the keyboard reaches (Tab) and opens (Enter, Space) too."""
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
            rx.text(job.submitted, size="1", color_scheme="gray", aria_label="Submitted"),
            spacing="2",
            width="100%",
        ),
        as_child=False,
        on_click=open_job(job.id),
        cursor="pointer",
        role="button",
        tab_index=0,
        custom_attrs={"onKeyDown": PRESS_LIKE_A_BUTTON},
        aria_label=f"Open review of {job.label}",
        data_status=job.status,
        data_review_id=job.id,
        class_name="job-card",
        width="100%",
    )


def job_list(open_job: OpenJob = ReviewViewState.open) -> rx.Component:
    """The newest jobs, newest first; a click runs `open_job` with the job's id."""
    return rx.vstack(
        rx.heading("Jobs", size="3", as_="h2"),
        rx.cond(
            JobsState.jobs.length() > 0,
            rx.foreach(JobsState.jobs, lambda job: _job(job, open_job)),
            rx.text("Submitted reviews show up here.", size="2", color_scheme="gray"),
        ),
        spacing="2",
        width="100%",
        aria_live="polite",
    )
