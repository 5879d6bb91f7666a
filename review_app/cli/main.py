"""The `review-app` console script: sign in, review files, gate a merge on the findings.

Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage, connection
or sign-in errors, and files that could not be reviewed (failed, timed out, rate limited).
"""

import contextlib
import sys
from collections import defaultdict
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from review_app.cli.client import ApiClient
from review_app.cli.credentials import CredentialStore, StoredLogin
from review_app.cli.errors import EXIT_ERROR, CliError
from review_app.cli.git_changes import collect_change
from review_app.cli.progress import ReviewProgress
from review_app.cli.report import RunOutcome, at_or_above, exit_code, text_report
from review_app.cli.runs import ReviewRun, local_settings, review_offline, review_online
from review_app.cli.signin import sign_in
from review_app.cli.sources import SkippedFile, Sources, collect_sources, project_name
from review_app.exports import ExportFormat, render_export
from review_app.review.analyzers.analyzer import SourceFile
from review_app.review.context import SKIPPED_ROLES
from review_app.review.models import FileRole, Severity
from review_app.review.project_settings import ProjectSettings, context_for
from review_app.review.review_config import CONFIG_FILE

DEFAULT_SERVER = "http://localhost:8000"
DEFAULT_MAX_BYTES = 200_000  # the server's default MAX_CODE_BYTES

app = typer.Typer(
    name="review-app",
    help="Review code with a review_app server from a terminal or a CI job.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

Server = Annotated[
    str, typer.Option("--server", envvar="REVIEW_APP_URL", help="The review_app server.")
]


class OutputFormat(StrEnum):
    """How `review` prints what it found."""

    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    MARKDOWN = "markdown"


@contextlib.contextmanager
def _exits_on_error() -> Iterator[None]:
    """Print a CliError to stderr and exit with code 2."""
    try:
        yield
    except CliError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(EXIT_ERROR) from error


@app.command()
def login(
    server: Server = DEFAULT_SERVER,
    email: Annotated[
        str | None, typer.Option(envvar="REVIEW_APP_EMAIL", help="Asked for when left out.")
    ] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
) -> None:
    """Sign in and keep a refresh token (mode 0600) in your config folder."""
    if password_stdin and not email:
        typer.echo("error: --password-stdin needs --email (or REVIEW_APP_EMAIL).", err=True)
        raise typer.Exit(EXIT_ERROR)
    email = email or typer.prompt("Email")
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True)
    store = CredentialStore()
    with _exits_on_error(), ApiClient(server) as client:
        client.login(email, password)
        store.put(client.server, StoredLogin(email=email, refresh_token=client.refresh_token))
        typer.echo(f"Signed in to {client.server} as {email}; the login is kept in {store.path}.")


@app.command()
def logout(server: Server = DEFAULT_SERVER) -> None:
    """End the login on the server and forget its token."""
    store = CredentialStore()
    with _exits_on_error(), ApiClient(server) as client:
        if store.get(client.server) is None:
            typer.echo(f"Not signed in to {client.server}.")
            return
        with contextlib.suppress(CliError):  # expired or revoked already: forget it anyway
            sign_in(client, store)
            client.logout()
        store.forget(client.server)
        typer.echo(f"Signed out of {client.server}.")


@app.command()
def review(
    paths: Annotated[
        list[Path],
        typer.Argument(exists=True, readable=True, help="Files and folders to review."),
    ],
    fail_on: Annotated[
        Severity | None,
        typer.Option(
            help="Exit with 1 when a finding is this severe or worse (default: the [gate] of"
            " review_app.toml in the working directory, if any).",
            case_sensitive=False,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="How to print the findings.")
    ] = OutputFormat.TEXT,
    offline: Annotated[
        bool,
        typer.Option("--offline", help="Run the static analyzers here, without a server (no LLM)."),
    ] = False,
    server: Server = DEFAULT_SERVER,
    timeout: Annotated[
        float, typer.Option(help="Seconds to wait for the reviews to finish.", min=1)
    ] = 600,
    max_bytes: Annotated[int, typer.Option(help="Skip files larger than this.", min=1)] = (
        DEFAULT_MAX_BYTES
    ),
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the --format report here; stdout then shows text.",
            dir_okay=False,
            writable=True,
        ),
    ] = None,
    progress: Annotated[bool, typer.Option(help="Show progress on stderr.")] = True,
    diff: Annotated[
        str | None,
        typer.Option(
            "--diff",
            metavar="BASE..HEAD",
            help="In a git work tree: review only the change (BASE alone: to the work tree);"
            " only new findings are reported and counted by --fail-on.",
        ),
    ] = None,
) -> None:
    """Review PATHS (languages from the file extensions) and print the findings.

    Through the server, the files are uploaded as one project and reviewed in parallel.
    """
    settings = local_settings()
    if settings.problem:
        typer.echo(f"Warning: {settings.problem}", err=True)
    fail_on = fail_on or settings.config.gate.fail_on
    with _exits_on_error():
        sources, base = _what_to_review(paths, max_bytes, diff, settings)
    run = ReviewRun(project_name=project_name(paths), timeout_seconds=timeout, base=base)
    outcome = _review_files(sources, offline=offline, server=server, run=run, bars=progress)
    _print_notes(sources, outcome)
    report = _report(outcome, output_format)
    if output is not None:
        with _exits_on_error():
            _write(output, report)
        report = text_report(outcome.reviewed)
    typer.echo(report, nl=False)
    code = exit_code(outcome, fail_on)
    if code and fail_on is not None and not outcome.unreviewed:
        count = len(at_or_above(outcome.findings(), fail_on))
        typer.echo(f"Failing: {count} finding(s) at or above {fail_on.value}.", err=True)
    raise typer.Exit(code)


def _what_to_review(
    paths: list[Path], max_bytes: int, diff: str | None, settings: ProjectSettings
) -> tuple[Sources, tuple[SourceFile, ...]]:
    """The files to review and, for --diff, the base versions of those that changed; generated
    and vendored code is skipped, with a note, as a project review skips it."""
    if diff is None:
        sources, base = collect_sources(paths, max_bytes), ()
    else:
        change = collect_change(diff, paths, max_bytes)
        sources = Sources(
            files=change.head, skipped=change.skipped, unsupported_in_folders=change.unsupported
        )
        base = tuple(change.base)
    kept = []
    for source in sources.files:
        role = context_for(source.path, source.code, settings).role
        if role in SKIPPED_ROLES:
            why = f"ignored by {CONFIG_FILE}" if role is FileRole.IGNORED else f"{role.value} code"
            sources.skipped.append(SkippedFile(source.path, why))
        else:
            kept.append(source)
    sources.files = kept
    return sources, base


def _review_files(
    sources: Sources, *, offline: bool, server: str, run: ReviewRun, bars: bool
) -> RunOutcome:
    """Review the collected files here or through the server, with progress on stderr."""
    with _exits_on_error(), ReviewProgress(enabled=bars) as progress:
        if not sources.files:
            return RunOutcome()
        if offline:
            return review_offline(sources.files, progress, run)
        with ApiClient(server) as client:
            sign_in(client, CredentialStore())
            return review_online(sources.files, client, progress, run, sources.skipped)


def _write(path: Path, report: str) -> None:
    try:
        path.write_text(report, encoding="utf-8")
    except OSError as error:
        raise CliError(f"Cannot write {path}: {error.strerror}.") from error


def _report(outcome: RunOutcome, output_format: OutputFormat) -> str:
    if output_format is OutputFormat.TEXT:
        return text_report(outcome.reviewed)
    return render_export(outcome.reviewed, ExportFormat(output_format.value))


def _print_notes(sources: Sources, outcome: RunOutcome) -> None:
    """Files left out (notes) and files that could not be reviewed (errors), on stderr."""
    for skipped in sources.skipped:
        typer.echo(f"note: skipped {skipped.path}: {skipped.reason}", err=True)
    if sources.unsupported_in_folders:
        count = sources.unsupported_in_folders
        typer.echo(
            f"note: {count} other file(s) in the folders are not in a reviewed language.", err=True
        )
    if not sources.files:
        typer.echo("note: nothing to review.", err=True)
    for reason, paths in _by_reason(outcome.unreviewed).items():
        typer.echo(f"error: not reviewed: {', '.join(paths)}: {reason}", err=True)


def _by_reason(files: list[SkippedFile]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for file in files:
        grouped[file.reason].append(file.path)
    return grouped
