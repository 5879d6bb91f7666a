"""Real zip and tar.gz archives built in memory for the project tests, hostile ones included."""

import io
import stat
import tarfile
import warnings
import zipfile
from collections.abc import Iterable

Files = dict[str, bytes | str]


def _raw(data: bytes | str) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def zip_of(files: Files | Iterable[tuple[str, bytes | str]]) -> bytes:
    """A deflated zip holding `files` (name, content), in order, names exactly as given."""
    buffer = io.BytesIO()
    items = files.items() if isinstance(files, dict) else files
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive, warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Duplicate name")  # wanted in the hostile cases
        for name, data in items:
            archive.writestr(zipfile.ZipInfo(name), _raw(data), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def zip_with_mode(name: str, mode: int, data: bytes = b"target.py") -> bytes:
    """A zip of one entry whose Unix mode says what it is (a symlink, a fifo, ...)."""
    info = zipfile.ZipInfo(name)
    info.create_system = 3  # Unix
    info.external_attr = mode << 16
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("main.py", "print('hi')\n")
        archive.writestr(info, data)
    return buffer.getvalue()


def zip_flagged_encrypted() -> bytes:
    """A zip whose one entry says it is encrypted: zipfile cannot encrypt, so the flag bit is
    set in the written headers (local at offset 6, central at 8)."""
    archive = bytearray(zip_of({"secret.py": "x = 1\n"}))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        archive[archive.index(signature) + offset] |= 0x1
    return bytes(archive)


def tar_gz_of(files: Files, extra: Iterable[tarfile.TarInfo] = ()) -> bytes:
    """A tar.gz holding `files` as regular files, then the `extra` members (links, devices)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in files.items():
            member = tarfile.TarInfo(name)
            member.size = len(_raw(data))
            archive.addfile(member, io.BytesIO(_raw(data)))
        for member in extra:
            archive.addfile(member)
    return buffer.getvalue()


def tar_member(name: str, kind: bytes, linkname: str = "") -> tarfile.TarInfo:
    """A tar member without data: a link (SYMTYPE, LNKTYPE) or a device (CHRTYPE, FIFOTYPE)."""
    member = tarfile.TarInfo(name)
    member.type = kind
    member.linkname = linkname
    return member


SYMLINK_MODE = stat.S_IFLNK | 0o777
FIFO_MODE = stat.S_IFIFO | 0o644
