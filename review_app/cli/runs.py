"""Reviewing the collected files: through the server (uploaded as one project, whose review is
followed until it ends) or offline with the static analyzers only."""

import io
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from rich.progress import TaskID

from review_app.cli.client import ApiClient, ProjectReviewState, ReviewedFile
from review_app.cli.errors import CliError, RateLimitedError
from review_app.cli.progress import ReviewProgress
from review_app.cli.report import RunOutcome, outcome_summary
from review_app.cli.sources import SkippedFile
from review_app.exports import FileReview
from review_app.exports.changes import change_file_review
from review_app.exports.documents import Baseline
from review_app.review.analyzers.analyzer import SourceFile
from review_app.review.change_summary import FileVersion
from review_app.review.models import LLMConfig, Stage
from review_app.review.project_settings import (
    SETTINGS_FILES,
    ProjectSettings,
    context_for,
    read_settings,
)

POLL_INTERVAL_SECONDS = 0.5  # one request at a time: well under the server's default rate limit


@dataclass(frozen=True)
class ReviewRun:
    """What a run is called and how long it may wait for the server; a change review's run
    also has the base versions of the files that changed."""

    project_name: str
    timeout_seconds: float
    base: tuple[SourceFile, ...] = ()


def review_offline(
    sources: list[SourceFile], progress: ReviewProgress, run: ReviewRun
) -> RunOutcome:
    """Run the static analysis pipeline here over every file at once, without server or LLM
    (for a change, over the base versions too, to tell new findings from the rest).

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

    settings = local_settings()
    contexts = [context_for(source.path, source.code, settings) for source in sources]
    results = review_files(sources, LLMConfig(), on_progress=report, contexts=contexts)
    if not run.base:
        for source, task, result in zip(sources, tasks, results, strict=True):
            file = FileReview(path=source.path, code=source.code, result=result)
            outcome.reviewed.append(file)
            progress.finish(task, outcome_summary(file))
        return outcome
    base_contexts = [context_for(source.path, source.code, settings) for source in run.base]
    base_results = review_files(list(run.base), LLMConfig(), contexts=base_contexts)
    head = {src.path: FileVersion(src.code, res) for src, res in zip(sources, results, strict=True)}
    base = {
        src.path: FileVersion(src.code, res)
        for src, res in zip(run.base, base_results, strict=True)
    }
    reviewed = {
        path: change_file_review(path, base.get(path), head.get(path))
        for path in sorted(head.keys() | base.keys())
    }
    outcome.reviewed = [file for file in reviewed.values() if file is not None]
    for source, task in zip(sources, tasks, strict=True):
        progress.finish(task, outcome_summary(reviewed[source.path]))
    return outcome


def review_online(
    sources: list[SourceFile],
    client: ApiClient,
    progress: ReviewProgress,
    run: ReviewRun,
    skipped: list[SkippedFile],
) -> RunOutcome:
    """Upload the files as one project, review it, and follow it until it ends or time runs out.

    Files the server leaves out (its ignore list) join `skipped`; those it could not review,
    that time out, or that a rate limit stopped are the outcome's `unreviewed`.
    """
    outcome = RunOutcome()
    by_name = {archive_name(source.path): source for source in sources}
    base_by_name = {archive_name(source.path): source for source in run.base}
    try:
        base_id = (
            client.create_project(name=f"{run.project_name} (base)", archive=zip_of(base_by_name))
            if base_by_name
            else None
        )
        state = client.review_project(
            name=run.project_name, archive=zip_of(by_name), base_project_id=base_id
        )
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
            reviewed = _file_review(source, results[file.path], base_by_name.get(file.path))
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
    outcome.reviewed += [  # deleted by the change: what it fixed
        _file_review(base_by_name[path], reviewed, base_by_name[path])
        for path, reviewed in results.items()
        if path not in by_name and path in base_by_name
    ]
    outcome.reviewed.sort(key=lambda file: file.path)
    return outcome


def _file_review(source: SourceFile, reviewed: ReviewedFile, base: SourceFile | None) -> FileReview:
    """A reviewed file of the run; in a change review, with what is new and what was fixed."""
    baseline = None
    if reviewed.change is not None:
        baseline = Baseline(
            new=set(reviewed.change.new),
            fixed=reviewed.change.fixed,
            base_code=base.code if base else "",
        )
    return FileReview(
        path=source.path,
        code=source.code,
        result=reviewed.result,
        review_id=reviewed.review_id,
        baseline=baseline,
    )


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


def _results(client: ApiClient, state: ProjectReviewState) -> dict[str, ReviewedFile]:
    """Each file reviewed: all at once from a completed project review's export, else file by
    file (time ran out before the last ones ended)."""
    if state.status == "completed":
        return {file.path: file for file in client.reviewed_files(state.project_id, state.id)}
    completed = [file for file in state.files if file.status == "completed"]
    return {
        file.path: ReviewedFile(
            path=file.path, review_id=file.review_id, result=client.review(file.review_id).result
        )
        for file in completed
    }


def archive_name(path: str) -> str:
    """The name of a file in the uploaded project: its shown path, made relative."""
    return path.lstrip("/")


def zip_of(files: dict[str, SourceFile]) -> bytes:
    """A zip of the files, each under its name, and the analyzer settings of the working
    directory, which the server honours as the project's own."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, source in files.items():
            archive.writestr(name, source.code)
        for name, text in settings_files().items():
            if name not in files:
                archive.writestr(name, text)
    return buffer.getvalue()


def settings_files() -> dict[str, str]:
    """The analyzer settings files in the working directory (the project's root), as text."""
    found = {}
    for name in SETTINGS_FILES:
        path = Path(name)
        if path.is_file():
            try:
                found[name] = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue  # unreadable: as if absent, the analyzers' defaults apply
    return found


def local_settings() -> ProjectSettings:
    """The working directory's analyzer settings, as a project review would read them."""
    return read_settings(settings_files())
