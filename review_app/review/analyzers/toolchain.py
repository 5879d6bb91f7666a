"""What analyzers running an outside tool (node, go, javac, ty) share.

A tool that is missing, hangs or crashes becomes an `AnalyzerError` with a reason a person can
act on, and a batch run turns it into that reason for every file, never a lost review.
"""

import logging
import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath

from platformdirs import user_cache_path

from review_app.review.analyzers.analyzer import AnalyzerOutput, BatchRun, SourceFile
from review_app.review.errors import AnalyzerError
from review_app.review.languages import submission_filename

logger = logging.getLogger(__name__)

STDERR_SHOWN = 300  # characters of a failing tool's stderr quoted in the failure


def run_tool(
    command: Sequence[str | Path],
    *,
    tool: str,
    timeout: float,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run a tool to completion and capture its output; the exit code is the caller's to judge.

    Raises:
        AnalyzerError: the tool is not installed, could not start or timed out.
    """
    try:
        # The command is fixed by the analyzer; submitted code only reaches it as files.
        return subprocess.run(  # noqa: S603
            [str(part) for part in command],
            cwd=cwd,
            env=None if env is None else dict(env),
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
            check=False,
        )
    except FileNotFoundError as exc:
        raise AnalyzerError(f"{tool} is not installed ({exc.filename} not found)") from exc
    except subprocess.TimeoutExpired as exc:
        raise AnalyzerError(f"{tool} timed out after {timeout:g} s") from exc
    except OSError as exc:
        raise AnalyzerError(f"{tool} could not start: {exc}") from exc


def failed(tool: str, completed: subprocess.CompletedProcess[str]) -> AnalyzerError:
    """The error for a tool that exited in a way its analyzer does not expect."""
    detail = (completed.stderr or completed.stdout).strip()[:STDERR_SHOWN]
    return AnalyzerError(f"{tool} exited with {completed.returncode}: {detail}")


def guarded_batch(tool: str, analyze: BatchRun) -> BatchRun:
    """A batch run whose failure as a whole becomes each file's failure, with the reason."""

    def run(files: Sequence[SourceFile]) -> list[AnalyzerOutput]:
        try:
            return analyze(files)
        except AnalyzerError as error:
            return [AnalyzerOutput(failure=str(error)) for _ in files]
        except Exception as error:  # a crashing tool must not sink the review
            logger.exception("%s crashed on %d files", tool, len(files))
            failure = f"crashed: {type(error).__name__}: {error}"
            return [AnalyzerOutput(failure=failure) for _ in files]

    return run


def project_path(file: SourceFile) -> PurePosixPath:
    """The file's path without any root, `.` or `..`, so it stays inside a private folder."""
    parts = PurePosixPath(file.path.replace("\\", "/")).parts
    kept = [part for part in parts if part not in {"/", ".", ".."}]
    return PurePosixPath(*kept) if kept else PurePosixPath(submission_filename(file.language))


def write_batch(folder: Path, files: Sequence[SourceFile]) -> list[Path]:
    """Write each file under its own path in a numbered folder (so paths may repeat)."""
    paths = []
    for number, file in enumerate(files):
        path = folder / str(number) / project_path(file)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(file.code.encode("utf-8"))
        paths.append(path)
    return paths


def private_cache_dir(name: str) -> Path:
    """A folder only this user can read, kept between runs (a tool's build cache)."""
    folder = user_cache_path("review_app") / name
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.is_symlink() or folder.stat().st_uid != os.getuid():
        raise AnalyzerError(f"{folder} is not a private folder of this user")
    return folder
