"""Service errors become HTTP answers with a message a person understands."""

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from review_app.services.accounts import InvalidEmailError
from review_app.services.errors import (
    AuthenticationError,
    EmailTakenError,
    InvalidCredentialsError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ServiceError,
    ServiceUnavailableError,
    WeakPasswordError,
)

STATUS_OF: dict[type[ServiceError], int] = {
    AuthenticationError: 401,
    InvalidCredentialsError: 401,
    PermissionDeniedError: 403,
    NotFoundError: 404,
    EmailTakenError: 409,
    InvalidEmailError: 422,
    WeakPasswordError: 422,
    RateLimitedError: 429,
    ServiceUnavailableError: 503,
}


def status_of(error: ServiceError) -> int:
    """The HTTP status of a service error (its nearest listed class), else 400."""
    for cls in type(error).__mro__:
        if cls in STATUS_OF:
            return STATUS_OF[cls]
    return 400


async def service_error_handler(_request: Request, error: ServiceError) -> JSONResponse:
    """`{"detail": message}` with the status, and the headers the status calls for."""
    status = status_of(error)
    headers = {}
    if status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    if isinstance(error, RateLimitedError):
        headers["Retry-After"] = str(error.retry_after)
    return JSONResponse({"detail": str(error)}, status_code=status, headers=headers)


def install_error_handlers(api: FastAPI) -> None:
    """Register the handler for every service error."""
    api.add_exception_handler(ServiceError, service_error_handler)
