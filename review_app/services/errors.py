"""Specific errors the services raise; routes and pages turn them into messages."""

from review_app.review.errors import InvalidSubmissionError


class ServiceError(Exception):
    """Base of every service error; its message is fit to show a person."""


class WeakPasswordError(ServiceError):
    """The password breaks a rule (length, commonness)."""


class EmailTakenError(ServiceError):
    """An account with this email exists already."""


class InvalidCredentialsError(ServiceError):
    """Unknown email or wrong password: deliberately the same message for both."""

    def __init__(self) -> None:
        super().__init__("Incorrect email or password.")


class AuthenticationError(ServiceError):
    """A token is missing, malformed, expired, revoked, or its user cannot sign in."""


class PermissionDeniedError(ServiceError):
    """Signed in, but not allowed to do this."""


class AdminOnlyError(PermissionDeniedError):
    """Only an admin may do this, and the caller is not one."""

    def __init__(self) -> None:
        super().__init__("Only admins may do this.")


class NotFoundError(ServiceError):
    """No such thing, or not the caller's to see."""


class RateLimitedError(ServiceError):
    """Too many requests; `retry_after` seconds until the next one is allowed."""

    def __init__(self, retry_after: int, what: str = "requests", limit: str = "") -> None:
        self.retry_after = retry_after
        said = f" (the limit is {limit})" if limit else ""
        super().__init__(f"Too many {what}{said}. Try again in {_duration(retry_after)}.")


def _duration(seconds: int) -> str:
    """A wait in the unit a person would use: 42 seconds, 5 minutes, 2 hours."""
    if seconds < 90:
        count, unit = seconds, "second"
    elif seconds < 90 * 60:
        count, unit = round(seconds / 60), "minute"
    else:
        count, unit = round(seconds / 3600), "hour"
    return f"{count} {unit}{'' if count == 1 else 's'}"


class ServiceUnavailableError(ServiceError):
    """A backing service (Redis, the database) is down, so we refuse rather than guess."""


class InvalidQueryError(ServiceError):
    """A filter or paging parameter is out of range; the message says which and why."""


class PathTakenError(ServiceError):
    """A project already has a file at that path."""


class TeamRuleError(ServiceError):
    """A change a team cannot take: e.g. its owner leaving, or inviting someone already in."""


class ReviewNotFinishedError(ServiceError):
    """The review has no result to show yet (queued, running), or it never will (failed)."""


class InvalidEmailError(ServiceError):
    """Not an email address we can accept."""


class OwnAccountError(PermissionDeniedError):
    """An admin tried to disable or demote themselves (which could leave no admin)."""


class InvalidFilenameError(InvalidSubmissionError):
    """The file name is too long or holds control characters."""
