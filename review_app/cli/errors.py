"""Exit codes of `review-app`, and the error that ends a run with a message."""

EXIT_CLEAN = 0  # reviewed, nothing at or above --fail-on
EXIT_FINDINGS = 1  # findings at or above --fail-on
EXIT_ERROR = 2  # usage, connection, sign-in, or files that could not be reviewed


class CliError(Exception):
    """Stops the command: the message is printed to stderr and the run exits with EXIT_ERROR."""


class NotSignedInError(CliError):
    """No usable refresh token, or the server refused it."""


class SubmissionRefusedError(CliError):
    """The server refused the upload (too large, or nothing it can review); the message says why."""


class RateLimitedError(CliError):
    """The server asks to wait `retry_after` seconds before the next request."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        wait = wait_in_words(retry_after)
        super().__init__(f"The server's rate limit was reached; try again in {wait}.")


def wait_in_words(seconds: int) -> str:
    """`42 seconds`, `3 minutes`, `1 hour 5 minutes`: how long the server asks to wait."""
    if seconds < 60:
        return _count(seconds, "second")
    minutes = -(-seconds // 60)
    if minutes < 60:
        return _count(minutes, "minute")
    hours, minutes = divmod(minutes, 60)
    return " ".join([_count(hours, "hour"), *([_count(minutes, "minute")] if minutes else [])])


def _count(number: int, unit: str) -> str:
    return f"{number} {unit}{'' if number == 1 else 's'}"
