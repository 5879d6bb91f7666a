"""Unpacking archives into projects: ignore rules, binary files and limits, on real archives."""

import io

import pytest

from review_app.services.projects.errors import InvalidArchiveError, ProjectTooLargeError
from review_app.services.projects.unpacking import ProjectLimits, UnpackedProject, unpack
from review_app.settings import DEFAULT_PROJECT_IGNORE
from tests.project_archives import tar_gz_of, zip_of

LIMITS = ProjectLimits(max_bytes=5_000_000, max_files=2000, max_ratio=100, ignore=())


def unpacked(archive: bytes, limits: ProjectLimits = LIMITS) -> UnpackedProject:
    return unpack(io.BytesIO(archive), limits)


def kept(archive: bytes, limits: ProjectLimits = LIMITS) -> list[str]:
    return sorted(file.path for file in unpacked(archive, limits).files)


def test_a_deeper_gitignore_overrides_a_shallower_one() -> None:
    archive = zip_of(
        {
            ".gitignore": "*.js\n",
            "a.js": "",
            "web/.gitignore": "!*.js\nold.js\n",
            "web/app.js": "",
            "web/old.js": "",
            "main.py": "",
        }
    )
    assert kept(archive) == [".gitignore", "main.py", "web/.gitignore", "web/app.js"]


def test_the_default_list_wins_over_a_gitignore() -> None:
    limits = ProjectLimits(5_000_000, 2000, 100, DEFAULT_PROJECT_IGNORE)
    archive = tar_gz_of(
        {".gitignore": "!node_modules/\n", "node_modules/x.js": "", "src/dist/y.js": "", "a.py": ""}
    )
    assert kept(archive, limits) == [".gitignore", "a.py"]


def test_an_unreadable_gitignore_line_is_passed_over_as_git_does() -> None:
    archive = zip_of({".gitignore": "\\\n!\n*.log\n", "a.log": "", "a.py": ""})
    assert kept(archive) == [".gitignore", "a.py"]


def test_too_many_gitignore_lines_are_refused() -> None:
    archive = zip_of({".gitignore": "x\n" * 5001, "a.py": ""})
    with pytest.raises(InvalidArchiveError, match="more than 5,000 lines"):
        unpacked(archive)


def test_a_large_binary_file_is_skipped_without_counting_against_the_bytes() -> None:
    limits = ProjectLimits(max_bytes=10_000, max_files=10, max_ratio=100, ignore=())
    archive = zip_of({"a.py": "x = 1\n", "video.mp4": b"\x00" + b"\x01" * 1_000_000})
    project = unpacked(archive, limits)
    assert [(skipped.path, skipped.reason) for skipped in project.skipped] == [
        ("video.mp4", "binary")
    ]
    assert project.total_bytes == 6


def test_many_small_files_in_a_tar_gz_are_no_bomb() -> None:
    """A tar.gz of empty files unpacks to ~95 times its size: under MAX_PROJECT_BYTES, fine."""
    files = {f"pkg{n}/__init__.py": "" for n in range(2000)}
    assert len(unpacked(tar_gz_of(files)).files) == 2000


def test_a_bomb_is_refused_at_the_ratio_past_the_free_bytes() -> None:
    limits = ProjectLimits(max_bytes=1024, max_files=10, max_ratio=2, ignore=("big/",))
    archive = tar_gz_of({"a.py": "", "big/junk.txt": "a" * 100_000})
    with pytest.raises(ProjectTooLargeError, match="zip bomb") as refused:
        unpacked(archive, limits)
    assert refused.value.limit == max(1024, 2 * len(archive))


def test_names_are_normalized_and_backslashes_are_separators() -> None:
    archive = zip_of({"./src//a.py": "", "lib\\b.py": "", "caf\u0065\u0301.py": ""})
    assert kept(archive) == ["caf\u00e9.py", "lib/b.py", "src/a.py"]


def test_a_whitespace_only_file_is_kept_and_its_language_told_by_its_extension() -> None:
    project = unpacked(zip_of({"a.py": " \n", "b.go": "package b\n", "c.rs": "fn main() {}"}))
    assert [(file.path, file.language, file.text) for file in project.files] == [
        ("a.py", "python", " \n"),
        ("b.go", "go", "package b\n"),
        ("c.rs", None, "fn main() {}"),
    ]
