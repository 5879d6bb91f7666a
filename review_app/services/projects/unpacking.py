"""An archive unpacked into a project's files in memory, or refused with the reason, in two passes.

The first pass checks every entry's name (inside the root, given once) and reads the .gitignore
files; the second reads every file no ignore rule leaves out, refusing links and special files
and counting files and bytes against the project's limits. Nothing is written anywhere.
"""

import hashlib
import posixpath
from dataclasses import dataclass, field
from typing import BinaryIO

from review_app.review.errors import EmptyCodeError, InvalidEncodingError
from review_app.review.languages import SUPPORTED_LANGUAGES, language_for_filename
from review_app.review.validation import validate_code
from review_app.services.projects.archives import (
    Archive,
    Entry,
    EntryKind,
    UnpackLimit,
    open_archive,
    shown,
)
from review_app.services.projects.errors import InvalidArchiveError, ProjectTooLargeError
from review_app.services.projects.ignores import GITIGNORE, IgnoreRules
from review_app.services.projects.views import SkippedFile, SkipReason
from review_app.settings import Settings

REFUSED_KINDS = {
    EntryKind.LINK: "is a link; links are refused, never followed",
    EntryKind.SPECIAL: "is a device, pipe or other special file",
}


@dataclass(frozen=True)
class ProjectLimits:
    """How large a project may be, and what it leaves out."""

    max_bytes: int
    max_files: int
    max_ratio: int
    ignore: tuple[str, ...]

    @classmethod
    def of(cls, settings: Settings) -> "ProjectLimits":
        """The limits the settings give."""
        return cls(
            max_bytes=settings.max_project_bytes,
            max_files=settings.max_project_files,
            max_ratio=settings.max_archive_ratio,
            ignore=tuple(settings.project_ignore),
        )

    def check(self, total_bytes: int, file_count: int) -> None:
        """Refuse a project of `total_bytes` in `file_count` files past the limits.

        Raises:
            ProjectTooLargeError: over MAX_PROJECT_BYTES or MAX_PROJECT_FILES.
        """
        for size, limit, unit in (
            (total_bytes, self.max_bytes, "bytes"),
            (file_count, self.max_files, "files"),
        ):
            if size > limit:
                message = f"The project would hold {size:,} {unit}, over the limit of {limit:,}."
                raise ProjectTooLargeError(message, size, limit)


@dataclass(frozen=True)
class UnpackedFile:
    """A text file of the project."""

    path: str
    language: str | None
    text: str
    size: int  # UTF-8 bytes
    sha256: str

    @classmethod
    def of(cls, path: str, text: str) -> "UnpackedFile":
        """The file at `path` holding `text`, its language told by its extension."""
        raw = text.encode("utf-8")
        digest = hashlib.sha256(raw).hexdigest()
        return cls(path, language_for_filename(path), text, len(raw), digest)


@dataclass
class UnpackedProject:
    """The files kept, the files skipped, and how many entries the ignore rules left out."""

    files: list[UnpackedFile] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    ignored_count: int = 0
    total_bytes: int = 0


def unpack(file: BinaryIO, limits: ProjectLimits) -> UnpackedProject:
    """The project in the archive `file` (a seekable zip or tar.gz).

    Raises:
        InvalidArchiveError: not an archive, damaged, an unsafe or repeated entry, or no file
            in a supported language.
        ProjectTooLargeError: over MAX_PROJECT_BYTES, MAX_PROJECT_FILES or the ratio limit.
    """
    archive = open_archive(file, UnpackLimit(limits.max_bytes, limits.max_ratio))
    project = _read_files(archive, _survey(archive, limits), limits)
    if not any(unpacked.language for unpacked in project.files):
        raise InvalidArchiveError(
            f"The archive holds nothing to review: no file in {', '.join(SUPPORTED_LANGUAGES)}"
            f" ({len(project.files)} other files kept, {len(project.skipped)} skipped,"
            f" {project.ignored_count} ignored)."
        )
    return project


def _survey(archive: Archive, limits: ProjectLimits) -> IgnoreRules:
    """Check that every entry's name is safe and given once; read the .gitignore files."""
    rules = IgnoreRules(limits.ignore)
    seen: set[str] = set()
    for entry in archive.entries():
        if entry.kind is EntryKind.DIRECTORY or not entry.path:
            continue
        if entry.path in seen:
            raise InvalidArchiveError(f"The archive holds {shown(entry.path)} more than once.")
        seen.add(entry.path)
        if (
            entry.kind is EntryKind.FILE
            and posixpath.basename(entry.path) == GITIGNORE
            and not rules.ignored_by_default(entry.path)
        ):
            text = _text_of(entry, limits, used=0)
            if isinstance(text, str):
                rules.add_gitignore(entry.path, text)
    return rules


def _read_files(archive: Archive, rules: IgnoreRules, limits: ProjectLimits) -> UnpackedProject:
    """Every file no rule leaves out, read within the limits."""
    project = UnpackedProject()
    files_read = 0
    for entry in archive.entries():
        if entry.kind is EntryKind.DIRECTORY or not entry.path:
            continue
        if rules.ignores(entry.path):
            project.ignored_count += 1
            continue
        if refusal := REFUSED_KINDS.get(entry.kind):
            raise InvalidArchiveError(f"The entry {shown(entry.path)} {refusal}.")
        files_read += 1
        if files_read > limits.max_files:
            raise ProjectTooLargeError(
                f"The archive holds more than {limits.max_files:,} files, the most a project"
                " may hold; leave out what need not be reviewed (a .gitignore is honoured).",
                files_read,
                limits.max_files,
            )
        text = _text_of(entry, limits, used=project.total_bytes)
        if isinstance(text, SkipReason):
            project.skipped.append(SkippedFile(path=entry.path, reason=text))
        else:
            project.files.append(UnpackedFile.of(entry.path, text))
            project.total_bytes += project.files[-1].size
    return project


def _text_of(entry: Entry, limits: ProjectLimits, used: int) -> str | SkipReason:
    """The file's text, or why it is skipped; the first NUL (validate_code's sign of a binary
    file) ends the reading, so an image costs a chunk.

    Raises:
        ProjectTooLargeError: with the `used` bytes of the files read before, over max_bytes.
    """
    budget = limits.max_bytes - used
    data = bytearray()
    for chunk in entry.chunks():
        if b"\x00" in chunk:
            return SkipReason.BINARY
        data += chunk
        if len(data) > budget:
            raise ProjectTooLargeError(
                f"The archive's text files come to more than {limits.max_bytes:,} bytes, the"
                " most a project may hold; leave out what need not be reviewed (a .gitignore"
                " is honoured).",
                used + len(data),
                limits.max_bytes,
            )
    try:
        return validate_code(bytes(data), budget)
    except InvalidEncodingError:
        return SkipReason.NOT_UTF8
    except EmptyCodeError:  # kept: an empty __init__.py belongs to its project
        return data.decode("utf-8")
