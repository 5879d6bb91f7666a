"""The files a git change touched, in both versions: what `review-app review --diff` reviews."""

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from review_app.cli.errors import CliError
from review_app.cli.sources import SkippedFile
from review_app.review.analyzers.analyzer import SourceFile
from review_app.review.errors import InvalidSubmissionError
from review_app.review.languages import language_for_filename
from review_app.review.validation import validate_code

GIT_TIMEOUT_SECONDS = 60


@dataclass
class Change:
    """The reviewable files a change touched: new versions, base versions, and those skipped."""

    head: list[SourceFile] = field(default_factory=list)
    base: list[SourceFile] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    unsupported: int = 0  # changed files in languages not reviewed


def collect_change(revisions: str, paths: list[Path], max_bytes: int) -> Change:
    """The files under `paths` that differ between `BASE..HEAD` (or `BASE` and the work tree),
    paths relative to the working directory.

    Raises:
        CliError: not a git work tree, or a revision git does not know.
    """
    base_rev, _, head_rev = revisions.partition("..")
    if not base_rev:
        raise CliError("--diff needs a base revision: BASE..HEAD, or BASE for the work tree.")
    compared = [base_rev, head_rev] if head_rev else [base_rev]
    listed = _git("diff", "--name-only", "-z", "--no-renames", "--relative", *compared, "--")
    wanted = [path.resolve() for path in paths]
    change = Change()
    for name in sorted(filter(None, listed.split("\0"))):
        if not any(Path(name).resolve().is_relative_to(root) for root in wanted):
            continue
        language = language_for_filename(Path(name).name)
        if language is None:
            change.unsupported += 1
            continue
        try:
            base = _version(base_rev, name, max_bytes)
            head = _version(head_rev, name, max_bytes)
        except InvalidSubmissionError as error:
            change.skipped.append(SkippedFile(name, str(error)))
            continue
        if base is not None:
            change.base.append(SourceFile(path=name, code=base, language=language))
        if head is not None:
            change.head.append(SourceFile(path=name, code=head, language=language))
    return change


def _version(revision: str, name: str, max_bytes: int) -> str | None:
    """The text of `name` at `revision` (the work tree when empty); None where it does not exist.

    Raises:
        InvalidSubmissionError: too large, binary, not UTF-8 or empty.
    """
    if revision:
        try:
            raw = _git_bytes("show", f"{revision}:./{name}")
        except _MissingError:
            return None
    else:
        path = Path(name)
        if not path.is_file():
            return None
        raw = path.read_bytes()
    return validate_code(raw, max_bytes)


class _MissingError(Exception):
    """The file does not exist at that revision."""


def _git(*arguments: str) -> str:
    return _git_bytes(*arguments).decode("utf-8", "replace")


def _git_bytes(*arguments: str) -> bytes:
    git = shutil.which("git")
    if git is None:
        raise CliError("--diff needs git, which is not installed.")
    try:
        done = subprocess.run(  # noqa: S603 (an argument list, no shell)
            [git, *arguments], capture_output=True, timeout=GIT_TIMEOUT_SECONDS, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise CliError(f"git {arguments[0]} took over {GIT_TIMEOUT_SECONDS} s.") from error
    if done.returncode == 0:
        return done.stdout
    message = done.stderr.decode("utf-8", "replace").strip()
    if arguments[0] == "show" and ("does not exist" in message or "exists on disk" in message):
        raise _MissingError
    raise CliError(f"git {arguments[0]} failed: {message.splitlines()[-1] if message else ''}")
