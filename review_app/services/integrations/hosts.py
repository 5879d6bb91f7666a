"""What review_app needs from a code host, whichever it is: a pull (merge) request's change,
and the comments, summary and status it posts back; and how a host fails."""

from dataclasses import dataclass, field


class HostError(Exception):
    """The host could not be reached or failed; a later try may work."""


class HostRefusedError(HostError):
    """The host refused the request (bad or revoked token, no access, gone)."""


@dataclass(frozen=True)
class ChangedFile:
    """A file the pull request changes: its text before (None: added) and after (None: removed)."""

    path: str
    base_text: str | None
    head_text: str | None
    patch: str


@dataclass(frozen=True)
class PullRequestChange:
    """A pull request's head and base commits and the files it changes (up to a limit)."""

    number: int
    head_sha: str
    base_sha: str
    files: list[ChangedFile]
    changed_files: int  # all of them, beyond the limit too
    settings_files: dict[str, str] = field(default_factory=dict)  # at the head's root, by name


@dataclass(frozen=True)
class InlineComment:
    """A comment on a line (or from `start_line` to `line`) of a file of the head version."""

    path: str
    line: int
    body: str
    start_line: int | None = None


@dataclass(frozen=True)
class PostedThread:
    """An inline comment as the host keeps it: its id, and its thread's (GitLab's discussion)."""

    comment_id: int
    thread_id: str = ""


@dataclass(frozen=True)
class OnTheHost:
    """One of our comments as the host has it (a body carries its finding's mark)."""

    thread: PostedThread
    body: str
