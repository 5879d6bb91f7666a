"""Reviewing the collected files: through the server (uploaded as one project, whose review is
followed until it ends) or offline with the static analyzers only."""

import io
import time
import zipfile
from dataclasses import dataclass

from rich.progress import TaskID

from review_app.cli.client import ApiClient, ProjectReviewState
from review_app.cli.errors import CliError, RateLimitedError
from review_app.cli.progress import ReviewProgress
from review_app.cli.report import RunOutcome, outcome_summary
from review_app.cli.sources import SkippedFile
from review_app.exports import FileReview
from review_app.review.analyzers.analyzer import SourceFile
from review_app.review.models import LLMConfig, ReviewResult, Stage

POLL_INTERVAL_SECONDS = 0.5  # one request at a time: well under the server's default rate limit


@dataclass(frozen=True)
class OnlineRun:
    """What a run through the server is called and how long it may wait."""

    project_name: str
    timeout_seconds: float


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
    run: OnlineRun,
    skipped: list[SkippedFile],
) -> RunOutcome:
    """Upload the files as one project, review it, and follow it until it ends or time runs out.

    Files the server leaves out (its ignore list) join `skipped`; those it could not review,
    that time out, or that a rate limit stopped are the outcome's `unreviewed`.
    """
    outcome = RunOutcome()
    by_name = {archive_name(source.path): source for source in sources}
    try:
        state = client.review_project(name=run.project_name, archive=zip_of(by_name))
    except RateLimitedError as error:
        outcome.unreviewed = [SkippedFile(source.path, str(error)) for source in sources]
        return outcome
    tasks = {file.path: progress.add(by_name[file.path].path) for file in state.files}
    skipped += [
        SkippedFile(source.path, "left out by the server's ignore list")
        for name, source in by_name.items()
        if name not in tasks
    ]
    state = _follow(state, client, progress, tasks, time.monotonic() + run.timeout_seconds)
    results = _results(client, state)
    for file in state.files:
        source, task = by_name[file.path], tasks[file.path]
        if file.path in results:
            reviewed = FileReview(
                path=source.path,
                code=source.code,
                result=results[file.path],
                review_id=file.review_id,
            )
            outcome.reviewed.append(reviewed)
            progress.finish(task, outcome_summary(reviewed))
            continue
        reason = (
            f"the review failed: {file.error or 'no reason given'}"
            if file.status == "failed"
            else "the review did not finish in time (raise --timeout)"
        )
        outcome.unreviewed.append(SkippedFile(source.path, reason))
        progress.finish(task, reason)
    outcome.reviewed.sort(key=lambda file: file.path)
    return outcome


def _follow(
    state: ProjectReviewState,
    client: ApiClient,
    progress: ReviewProgress,
    tasks: dict[str, TaskID],
    deadline: float,
) -> ProjectReviewState:
    """Poll the project review, one request at a time, until it ends or the deadline passes."""
    while state.status != "completed" and time.monotonic() < deadline:
        for file in state.files:
            progress.update(tasks[file.path], file.progress, file.status)
        time.sleep(POLL_INTERVAL_SECONDS)
        try:
            state = client.project_review(state.project_id, state.id)
        except RateLimitedError as error:
            time.sleep(max(0.0, min(error.retry_after, deadline - time.monotonic())))
    return state


def _results(client: ApiClient, state: ProjectReviewState) -> dict[str, ReviewResult]:
    """The result of each file reviewed: all at once from a completed project review's export,
    else file by file (time ran out before the last ones ended)."""
    if state.status == "completed":
        reviewed = client.reviewed_files(state.project_id, state.id)
        return {file.path: file.result for file in reviewed}
    completed = [file for file in state.files if file.status == "completed"]
    return {file.path: client.review(file.review_id).result for file in completed}


def archive_name(path: str) -> str:
    """The name of a file in the uploaded project: its shown path, made relative."""
    return path.lstrip("/")


def zip_of(files: dict[str, SourceFile]) -> bytes:
    """A zip of the files, each under its name."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, source in files.items():
            archive.writestr(name, source.code)
    return buffer.getvalue()
