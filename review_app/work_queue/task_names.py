"""The names tasks are sent and registered under: senders need no import of the worker's code."""

RUN_REVIEW_TASK = "review_app.run_review"
RUN_REVIEW_BATCH_TASK = "review_app.run_review_batch"  # several files of a project at once
SWEEP_TASK = "review_app.sweep_stuck_reviews"
PING_TASK = "review_app.ping"
REVIEW_PULL_REQUEST_TASK = "review_app.review_pull_request"
PUBLISH_PULL_REQUEST_TASK = "review_app.publish_pull_request"

# The modules a worker imports to register the tasks above.
TASK_MODULES = [
    "review_app.tasks.ping",
    "review_app.tasks.review_task",
    "review_app.tasks.review_sweeper",
    "review_app.tasks.pull_requests",
    "review_app.tasks.metrics_server",
]
