"""The admin page's Queue tab: messages waiting, reviews by status, live workers."""

import reflex as rx

from review_app.components.stat_card import stat_card, stat_row
from review_app.components.table import table_or_warning, text_cells
from review_app.pages.admin.rows import WorkerRow
from review_app.pages.admin.state import AdminState


def _worker_row(row: WorkerRow) -> rx.Component:
    return rx.table.row(*text_cells(row.hostname, row.pid, row.concurrency, row.started, row.seen))


def queue_tab() -> rx.Component:
    """The queue's health at a glance, and the workers whose heartbeat is fresh."""
    figures = AdminState.queue
    return rx.vstack(
        stat_row(
            stat_card("Queue depth", figures.depth),
            stat_card("Pending", figures.pending),
            stat_card("Running", figures.running),
            stat_card("Completed", figures.completed),
            stat_card("Failed", figures.failed),
            stat_card("Live workers", AdminState.workers.length().to_string()),
        ),
        rx.heading("Live workers", size="3", as_="h2"),
        table_or_warning(
            "Live workers",
            ["Host", "PID", "Concurrency", "Started", "Last heartbeat"],
            AdminState.workers,
            _worker_row,
            "No worker has sent a heartbeat lately: reviews wait in the queue.",
        ),
        spacing="3",
        width="100%",
    )
