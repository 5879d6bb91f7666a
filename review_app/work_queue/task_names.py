"""The names tasks are sent and registered under: senders need no import of the worker's code."""

RUN_REVIEW_TASK = "review_app.run_review"
RUN_REVIEW_BATCH_TASK = "review_app.run_review_batch"  # several files of a project at once
SWEEP_TASK = "review_app.sweep_stuck_reviews"
PING_TASK = "review_app.ping"

# The modules a worker imports to register the tasks above.
TASK_MODULES = [
    "review_app.tasks.ping",
    "review_app.tasks.review_task",
    "review_app.tasks.review_sweeper",
]
