"""Which paths a project leaves out: the default list, then each .gitignore for its own folder.

The default list (PROJECT_IGNORE, gitignore syntax, from the root) always wins. A .gitignore
applies to the paths in and below its folder, as git reads it: a deeper file overrides a
shallower one, the last matching pattern of a file decides, and `!` takes a path back in.
"""

import posixpath
from collections.abc import Iterable

from pathspec import GitIgnoreSpec

from review_app.services.projects.archives import MAX_PATH_LENGTH
from review_app.services.projects.errors import InvalidArchiveError

GITIGNORE = ".gitignore"
MAX_GITIGNORE_LINES = 5000  # in all of an archive's .gitignore files: each path meets them all


class IgnoreRules:
    """The default patterns and the .gitignore files of one archive."""

    def __init__(self, default_patterns: Iterable[str]) -> None:
        self._default = GitIgnoreSpec.from_lines(default_patterns)
        self._by_folder: dict[str, GitIgnoreSpec] = {}
        self._lines = 0

    def ignored_by_default(self, path: str) -> bool:
        """Whether the default list leaves `path` out."""
        return self._default.match_file(path)

    def add_gitignore(self, path: str, text: str) -> None:
        """Read the .gitignore at `path`; a line git could not read is passed over, as git does.

        Raises:
            InvalidArchiveError: the archive's .gitignore files hold too many lines.
        """
        lines = text.splitlines()
        self._lines += len(lines)
        if self._lines > MAX_GITIGNORE_LINES:
            raise InvalidArchiveError(
                f"The .gitignore files hold more than {MAX_GITIGNORE_LINES:,} lines."
            )
        # A longer pattern could match no path we keep.
        self._by_folder[posixpath.dirname(path)] = _spec(
            [line for line in lines if len(line) <= MAX_PATH_LENGTH]
        )

    def ignores(self, path: str) -> bool:
        """Whether `path` (a file's) is left out."""
        if self.ignored_by_default(path):
            return True
        parts = path.split("/")
        ignored = False
        for depth in range(len(parts)):  # the root's .gitignore first, the deepest last
            spec = self._by_folder.get("/".join(parts[:depth]))
            if spec is not None:
                decision = spec.check_file("/".join(parts[depth:])).include
                ignored = ignored if decision is None else decision
        return ignored


def _spec(lines: list[str]) -> GitIgnoreSpec:
    """The patterns of `lines`, leaving out any pathspec cannot read."""
    try:
        return GitIgnoreSpec.from_lines(lines)
    except ValueError:
        return GitIgnoreSpec.from_lines([line for line in lines if _readable(line)])


def _readable(line: str) -> bool:
    try:
        GitIgnoreSpec.from_lines([line])
    except ValueError:
        return False
    return True
