"""Specific errors the services raise; routes and pages turn them into messages."""


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


class NotFoundError(ServiceError):
    """No such thing, or not the caller's to see."""


class RateLimitedError(ServiceError):
    """Too many requests; `retry_after` seconds until the next one is allowed."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        unit = "second" if retry_after == 1 else "seconds"
        super().__init__(f"Too many requests. Try again in {retry_after} {unit}.")


class ServiceUnavailableError(ServiceError):
    """A backing service (Redis, the database) is down, so we refuse rather than guess."""


class InvalidQueryError(ServiceError):
    """A filter or paging parameter is out of range; the message says which and why."""
