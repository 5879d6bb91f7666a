"""Why an archive cannot become a project: a 422 for a bad archive, a 413 for one too large.

Both are submission errors, so routes and pages answer them as they answer unreviewable code.
"""

from review_app.review.errors import CodeTooLargeError, InvalidSubmissionError


class InvalidArchiveError(InvalidSubmissionError):
    """Not a zip or tar.gz, damaged, holding an entry we refuse, or nothing to review."""


class ProjectTooLargeError(CodeTooLargeError):
    """The archive unpacks past a limit: bytes, files, or its compression ratio."""

    def __init__(self, message: str, size: int, limit: int) -> None:
        InvalidSubmissionError.__init__(self, message)  # CodeTooLargeError words it for code
        self.size = size
        self.limit = limit
