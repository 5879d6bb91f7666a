"""The files a run reviews: named ones, and the supported files found under named folders."""

import os
from dataclasses import dataclass
from pathlib import Path

from review_app.review.analyzers.analyzer import SourceFile
from review_app.review.errors import InvalidSubmissionError
from review_app.review.languages import SUPPORTED_LANGUAGES, language_for_filename
from review_app.review.validation import validate_code

# Folders no one wants reviewed: dependencies, caches, virtual environments.
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})


@dataclass(frozen=True)
class SkippedFile:
    """A file that is not reviewed, and why."""

    path: str
    reason: str


@dataclass
class Sources:
    """What a run reviews and what it leaves out."""

    files: list[SourceFile]
    skipped: list[SkippedFile]
    unsupported_in_folders: int = 0  # files under folders in languages not reviewed


def collect_sources(paths: list[Path], max_bytes: int) -> Sources:
    """Read the files named and the supported files under the folders named, in path order."""
    sources = Sources(files=[], skipped=[])
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            candidates = _files_under(path)
            supported = [file for file in candidates if language_for_filename(file.name)]
            sources.unsupported_in_folders += len(candidates) - len(supported)
        else:
            supported = [path]
        for file in supported:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                _add(sources, file, max_bytes)
    return sources


def display_path(path: Path) -> str:
    """The path relative to the working directory when inside it, with forward slashes."""
    absolute = path.absolute()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def project_name(paths: list[Path]) -> str:
    """What to call the project of a run: the one folder named, else the working directory."""
    folders = [path for path in paths if path.is_dir()]
    chosen = folders[0] if len(folders) == 1 and len(paths) == 1 else Path.cwd()
    return chosen.resolve().name or "files"


def _files_under(folder: Path) -> list[Path]:
    """Every file below `folder`, sorted, leaving out hidden and dependency folders."""
    found = []
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(
            name for name in folders if not name.startswith(".") and name not in SKIPPED_FOLDERS
        )
        found += [Path(root, name) for name in sorted(names) if not name.startswith(".")]
    return found


class _UnreviewableError(Exception):
    """Why a file is left out."""


def _add(sources: Sources, file: Path, max_bytes: int) -> None:
    """Append `file` to the files to review, or to the skipped ones with the reason."""
    shown = display_path(file)
    try:
        code, language = _read(file, max_bytes)
    except _UnreviewableError as error:
        sources.skipped.append(SkippedFile(shown, str(error)))
    else:
        sources.files.append(SourceFile(path=shown, code=code, language=language))


def _read(file: Path, max_bytes: int) -> tuple[str, str]:
    """The text and language of a file, if review_app can review it."""
    language = language_for_filename(file.name)
    if language is None:
        supported = ", ".join(SUPPORTED_LANGUAGES)
        raise _UnreviewableError(f"not in a language review_app reviews ({supported})")
    try:
        size = file.stat().st_size
        if size > max_bytes:
            raise _UnreviewableError(f"{size:,} bytes, over the {max_bytes:,}-byte limit")
        return validate_code(file.read_bytes(), max_bytes), language
    except OSError as error:
        raise _UnreviewableError(f"cannot be read ({error.strerror})") from error
    except InvalidSubmissionError as error:
        raise _UnreviewableError(str(error)) from error
