"""Reading an untrusted zip or tar.gz one entry at a time, in memory, never writing to disk.

Every entry's name is checked and normalized (no `..`, no absolute path, UTF-8 text without
control characters); links and special files are reported as such, never followed. Every byte
that comes out of the decompressor is counted as it comes: an archive may unpack to
`free_bytes`, and past that to at most `max_ratio` times its own size, so a zip bomb is refused
part-way, whatever its headers claim.
"""

import gzip
import io
import lzma
import re
import stat
import tarfile
import unicodedata
import zipfile
import zlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from typing import BinaryIO

from review_app.services.projects.errors import InvalidArchiveError, ProjectTooLargeError

CHUNK_BYTES = 64 * 1024
MAX_PATH_LENGTH = 1024  # characters of a normalized path, the column's size
SHOWN_NAME_LENGTH = 120  # characters of an entry's name quoted in a message
GZIP_MAGIC = b"\x1f\x8b"
ZIP_ENCRYPTED = 0x1  # general-purpose flag bit
WINDOWS_DRIVE = re.compile("[A-Za-z]:")
# What a damaged or exotic archive raises while it is read (our own errors are none of these).
DAMAGED = (
    zipfile.BadZipFile,
    tarfile.TarError,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    OSError,
    NotImplementedError,
)


class EntryKind(StrEnum):
    """What an archive entry is."""

    FILE = "file"
    DIRECTORY = "directory"
    LINK = "link"  # symbolic or hard
    SPECIAL = "special"  # device, pipe, socket, or a type we do not know


@dataclass(frozen=True)
class Entry:
    """One entry: its normalized path ("" for the root itself), its kind, and its bytes."""

    path: str
    kind: EntryKind
    _chunks: Callable[[], Iterator[bytes]]

    def chunks(self) -> Iterator[bytes]:
        """The entry's content, counted as it is unpacked; read it before the next entry."""
        return self._chunks()


@dataclass(frozen=True)
class UnpackLimit:
    """How much an archive may unpack to: `free_bytes`, or `max_ratio` times its own size."""

    free_bytes: int
    max_ratio: int


def shown(name: str) -> str:
    """An entry's name for a message: quoted, and cut short when long."""
    if len(name) > SHOWN_NAME_LENGTH:
        name = name[:SHOWN_NAME_LENGTH] + "..."
    return repr(name)


def normalized_path(name: str) -> str:
    """The entry's path relative to the archive's root, "/"-separated, in Unicode NFC.

    A backslash counts as a separator (Windows tools write them), and "." and empty parts
    are dropped.

    Raises:
        InvalidArchiveError: the name is absolute, climbs out with "..", is not UTF-8, holds a
            control character, or is longer than MAX_PATH_LENGTH.
    """
    if any(ord(character) < 32 or ord(character) == 127 for character in name):
        raise InvalidArchiveError(f"The entry {shown(name)} has control characters in its name.")
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidArchiveError(
            f"The entry {shown(name)} has a name that is not UTF-8."
        ) from None
    name = unicodedata.normalize("NFC", name.replace("\\", "/"))
    if name.startswith("/") or WINDOWS_DRIVE.match(name):
        raise InvalidArchiveError(f"The entry {shown(name)} has an absolute path.")
    parts = [part for part in name.split("/") if part not in ("", ".")]
    if ".." in parts:
        raise InvalidArchiveError(f"The entry {shown(name)} climbs out of the archive with '..'.")
    path = "/".join(parts)
    if len(path) > MAX_PATH_LENGTH:
        limit = MAX_PATH_LENGTH
        raise InvalidArchiveError(f"The entry {shown(name)} has a path over {limit} characters.")
    return path


class _Meter:
    """Counts unpacked bytes and refuses the archive once they pass what it may unpack to."""

    def __init__(self, archive_bytes: int, limit: UnpackLimit) -> None:
        self.archive_bytes = archive_bytes
        self.allowed = max(limit.free_bytes, limit.max_ratio * archive_bytes)
        self.unpacked = 0

    def count(self, size: int) -> None:
        """Add `size` unpacked bytes.

        Raises:
            ProjectTooLargeError: more than allowed: a zip bomb, or something like one.
        """
        self.unpacked += size
        if self.unpacked > self.allowed:
            raise ProjectTooLargeError(
                f"The archive unpacks to over {self.allowed:,} bytes from "
                f"{self.archive_bytes:,}: it looks like a zip bomb, so it was not unpacked.",
                self.unpacked,
                self.allowed,
            )


@contextmanager
def _damage_refused() -> Iterator[None]:
    """Turn the errors of a damaged archive into one message for a person."""
    try:
        yield
    except DAMAGED as error:
        raise InvalidArchiveError(
            "The archive is damaged, or compressed or encrypted in a way we cannot read."
        ) from error


class Archive(ABC):
    """An uploaded archive; each call of `entries` reads it anew, from the start."""

    def __init__(self, file: BinaryIO, limit: UnpackLimit) -> None:
        self.file = file
        self.limit = limit
        self.size = file.seek(0, io.SEEK_END)

    @abstractmethod
    def entries(self) -> Iterator[Entry]:
        """Every entry, in the archive's order."""


class _ZipArchive(Archive):
    """A zip: its directory is read once; only the entries asked for are decompressed."""

    def __init__(self, file: BinaryIO, limit: UnpackLimit) -> None:
        super().__init__(file, limit)
        file.seek(0)
        try:
            self.zip = zipfile.ZipFile(file)
        except (*DAMAGED, ValueError) as error:
            raise InvalidArchiveError("The file is not a zip or tar.gz archive.") from error

    def entries(self) -> Iterator[Entry]:
        meter = _Meter(self.size, self.limit)
        for info in self.zip.infolist():
            path = normalized_path(info.filename)
            if info.flag_bits & ZIP_ENCRYPTED:
                raise InvalidArchiveError(f"The entry {shown(path)} is encrypted.")
            yield Entry(path, _zip_kind(info), partial(self._chunks, info, meter))

    def _chunks(self, info: zipfile.ZipInfo, meter: _Meter) -> Iterator[bytes]:
        with _damage_refused(), self.zip.open(info) as stream:
            while chunk := stream.read(CHUNK_BYTES):
                meter.count(len(chunk))
                yield chunk


def _zip_kind(info: zipfile.ZipInfo) -> EntryKind:
    """The kind a zip entry's Unix mode tells (a zip made elsewhere has files and folders)."""
    file_type = stat.S_IFMT(info.external_attr >> 16)
    if info.is_dir() or file_type == stat.S_IFDIR:
        return EntryKind.DIRECTORY
    if file_type in (0, stat.S_IFREG):
        return EntryKind.FILE
    return EntryKind.LINK if file_type == stat.S_IFLNK else EntryKind.SPECIAL


class _MeteredReader:
    """A stream's `read`, every byte counted, a chunk at most at a time."""

    def __init__(self, stream: BinaryIO, meter: _Meter) -> None:
        self.stream = stream
        self.meter = meter

    def read(self, size: int = -1) -> bytes:
        """Up to `size` bytes (a chunk when `size` is negative or larger)."""
        data = self.stream.read(CHUNK_BYTES if size < 0 else min(size, CHUNK_BYTES))
        self.meter.count(len(data))
        return data


class _TarGzArchive(Archive):
    """A tar.gz, read as a stream: the whole decompressed stream is counted, headers too."""

    def entries(self) -> Iterator[Entry]:
        self.file.seek(0)
        meter = _Meter(self.size, self.limit)
        with (
            _damage_refused(),
            gzip.GzipFile(fileobj=self.file, mode="rb") as unzipped,
            tarfile.open(
                fileobj=_MeteredReader(unzipped, meter), mode="r|", encoding="utf-8"
            ) as tar,
        ):
            for member in tar:
                path = normalized_path(member.name)
                yield Entry(path, _tar_kind(member), partial(self._chunks, tar, member))

    @staticmethod
    def _chunks(tar: tarfile.TarFile, member: tarfile.TarInfo) -> Iterator[bytes]:
        with _damage_refused():
            stream = tar.extractfile(member)
            while stream is not None and (chunk := stream.read(CHUNK_BYTES)):
                yield chunk


def _tar_kind(member: tarfile.TarInfo) -> EntryKind:
    """The kind of a tar member."""
    if member.isfile():
        return EntryKind.FILE
    if member.isdir():
        return EntryKind.DIRECTORY
    return EntryKind.LINK if member.issym() or member.islnk() else EntryKind.SPECIAL


def open_archive(file: BinaryIO, limit: UnpackLimit) -> Archive:
    """The zip or tar.gz in `file` (seekable), told by its content, not its name.

    Raises:
        InvalidArchiveError: it is neither.
    """
    file.seek(0)
    if file.read(len(GZIP_MAGIC)) == GZIP_MAGIC:
        return _TarGzArchive(file, limit)
    return _ZipArchive(file, limit)
