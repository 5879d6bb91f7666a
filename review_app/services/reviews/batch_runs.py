"""Running the reviews of several files in one go, as a project review sends them: each
analyzer starts once over all of them instead of once per file.

Each file keeps its own claim (see runs): a file another run took over is simply not written,
and the batch's time limit fails only the files still running.
"""

import time

from review_app.models import ReviewStatus
from review_app.review.analyzers.analyzer import SourceFile
from review_app.review.languages import submission_filename
from review_app.review.models import ReviewContext, Stage
from review_app.review.pipeline import review_files
from review_app.services import metrics
from review_app.services.reviews.runs import (
    Attempt,
    AttemptTimeoutError,
    complete_review,
    fail_review,
    report_stage,
    timed_out_message,
)
from review_app.services.reviews.submissions import llm_config
from review_app.settings import get_settings

PROJECT_BATCH = "project"  # the language a batch's stages are timed as (its files are mixed)


def run_batch(attempts: list[Attempt]) -> None:
    """Review the files of `attempts` together, then write each one's result."""
    deadline = time.monotonic() + get_settings().task_soft_time_limit
    clock = metrics.StageClock(PROJECT_BATCH)

    def on_progress(stage: Stage) -> None:
        if time.monotonic() > deadline:
            raise AttemptTimeoutError
        clock.reached(stage)
        for attempt in attempts:
            report_stage(attempt, stage)

    # Named as a file reviewed on its own is, so the result is the one its cache key promises.
    files = [SourceFile(submission_filename(a.language), a.language, a.code) for a in attempts]
    contexts = [attempt.context or ReviewContext() for attempt in attempts]
    try:
        results = review_files(files, llm_config(), on_progress, contexts)
    except AttemptTimeoutError:
        clock.stop()
        fail_all(attempts, timed_out_message())
        return
    clock.stop()
    for attempt, result in zip(attempts, results, strict=True):
        metrics.count_ended(attempt.language, ReviewStatus.COMPLETED, result.llm)
        complete_review(attempt, result)


def fail_all(attempts: list[Attempt], message: str) -> None:
    """Fail every file of the batch its run still owns, with `message`."""
    for attempt in attempts:
        metrics.count_ended(attempt.language, ReviewStatus.FAILED)
        fail_review(attempt.review_id, message, attempt=attempt.number)
