"""Reviewing the collected files: through the server (submitted one by one, then followed until
each finishes) or offline with the static analyzers only."""

import time
import uuid
from dataclasses import dataclass

from rich.progress import TaskID

from review_app.cli.client import ApiClient, ReviewState
from review_app.cli.errors import CliError, RateLimitedError, SubmissionRefusedError
from review_app.cli.progress import ReviewProgress
from review_app.cli.report import RunOutcome, outcome_summary
from review_app.cli.sources import SkippedFile
from review_app.exports import FileReview
from review_app.review.analyzers.analyzer import SourceFile
from review_app.review.models import LLMConfig, Stage

POLL_INTERVAL_SECONDS = 0.5  # one request at a time: well under the server's default rate limit


@dataclass
class _Pending:
    source: SourceFile
    review_id: uuid.UUID
    task: TaskID


def review_offline(sources: list[SourceFile], progress: ReviewProgress) -> RunOutcome:
    """Run the static analysis pipeline here over every file at once, without server or LLM.

    Each analyzer runs once over all the files of its languages, as it would over a folder.
    """
    try:  # slow to import, and not installed with the `cli` extra alone
        from review_app.review.pipeline import review_files
    except ImportError as error:
        raise CliError(
            f"--offline needs the static analyzers ({error.name} is missing): "
            "install review_app's requirements.txt."
        ) from error

    outcome = RunOutcome()
    tasks = [progress.add(source.path) for source in sources]

    def report(stage: Stage) -> None:
        for task in tasks:
            progress.update(task, stage.percent, stage)

    results = review_files(sources, LLMConfig(), on_progress=report)
    for source, task, result in zip(sources, tasks, results, strict=True):
        file = FileReview(path=source.path, code=source.code, result=result)
        outcome.reviewed.append(file)
        progress.finish(task, outcome_summary(file))
    return outcome


def review_online(
    sources: list[SourceFile],
    client: ApiClient,
    progress: ReviewProgress,
    timeout_seconds: float,
    skipped: list[SkippedFile],
) -> RunOutcome:
    """Submit every file, then follow the reviews until all have finished or time runs out.

    Files the server refuses (too large, binary) join `skipped`; those it will not take now
    (rate limit), that fail or time out are the outcome's `unreviewed`.
    """
    outcome = RunOutcome()
    pending = _submit_all(sources, client, progress, outcome, skipped)
    _follow(pending, client, progress, outcome, time.monotonic() + timeout_seconds)
    outcome.reviewed.sort(key=lambda file: file.path)
    return outcome


def _submit_all(
    sources: list[SourceFile],
    client: ApiClient,
    progress: ReviewProgress,
    outcome: RunOutcome,
    skipped: list[SkippedFile],
) -> list[_Pending]:
    pending = []
    for index, source in enumerate(sources):
        try:
            submitted = client.submit(
                code=source.code, filename=source.path, language=source.language
            )
        except SubmissionRefusedError as error:
            skipped.append(SkippedFile(source.path, str(error)))
            continue
        except RateLimitedError as error:
            outcome.unreviewed += [SkippedFile(rest.path, str(error)) for rest in sources[index:]]
            break
        pending.append(_Pending(source, submitted.id, progress.add(source.path)))
    return pending


def _follow(
    pending: list[_Pending],
    client: ApiClient,
    progress: ReviewProgress,
    outcome: RunOutcome,
    deadline: float,
) -> None:
    """Poll the reviews in turn, one request at a time, until none is left."""
    while pending:
        if time.monotonic() > deadline:
            reason = "the review did not finish in time (raise --timeout)"
            outcome.unreviewed += [SkippedFile(item.source.path, reason) for item in pending]
            return
        item = pending.pop(0)
        try:
            state = client.review(item.review_id)
        except RateLimitedError as error:
            pending.insert(0, item)
            time.sleep(max(0.0, min(error.retry_after, deadline - time.monotonic())))
            continue
        if state.finished:
            _record(item, state, progress, outcome)
            continue
        progress.update(item.task, state.progress, state.stage)
        pending.append(item)
        time.sleep(POLL_INTERVAL_SECONDS)


def _record(
    item: _Pending, state: ReviewState, progress: ReviewProgress, outcome: RunOutcome
) -> None:
    """Keep a finished review's result, or note why there is none."""
    if state.result is None:
        reason = f"the review failed: {state.error or 'no reason given'}"
        outcome.unreviewed.append(SkippedFile(item.source.path, reason))
        progress.finish(item.task, reason)
        return
    source = item.source
    file = FileReview(path=source.path, code=source.code, result=state.result, review_id=state.id)
    outcome.reviewed.append(file)
    progress.finish(item.task, outcome_summary(file))
