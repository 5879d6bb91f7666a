"""Service errors become HTTP answers with a message a person understands."""

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from review_app.review.errors import CodeTooLargeError, InvalidSubmissionError
from review_app.services.errors import (
    AuthenticationError,
    EmailTakenError,
    InvalidCredentialsError,
    InvalidEmailError,
    InvalidQueryError,
    NotFoundError,
    PathTakenError,
    PermissionDeniedError,
    RateLimitedError,
    ReviewNotFinishedError,
    ServiceError,
    ServiceUnavailableError,
    TeamRuleError,
    WeakPasswordError,
)

STATUS_OF: dict[type[ServiceError], int] = {
    AuthenticationError: 401,
    InvalidCredentialsError: 401,
    PermissionDeniedError: 403,
    NotFoundError: 404,
    EmailTakenError: 409,
    ReviewNotFinishedError: 409,
    PathTakenError: 409,
    TeamRuleError: 409,
    InvalidEmailError: 422,
    InvalidQueryError: 422,
    WeakPasswordError: 422,
    RateLimitedError: 429,
    ServiceUnavailableError: 503,
}


# What a field error says: where, what kind, and the rule in words; never what was sent.
FIELD_ERROR_KEYS = ("type", "loc", "msg")


class ErrorResponse(JSONResponse):
    """JSON escaped to ASCII: a message may quote the input, and a lone surrogate sent as a JSON
    escape cannot be written as UTF-8."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, allow_nan=False, separators=(",", ":")).encode("ascii")


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
    return ErrorResponse({"detail": str(error)}, status_code=status, headers=headers)


async def submission_error_handler(
    _request: Request, error: InvalidSubmissionError
) -> JSONResponse:
    """Code that cannot be reviewed: 413 when too large, else 422, with the pipeline's message."""
    status = 413 if isinstance(error, CodeTooLargeError) else 422
    return ErrorResponse({"detail": str(error)}, status_code=status)


async def validation_error_handler(
    _request: Request, error: RequestValidationError
) -> JSONResponse:
    """FastAPI's list of field errors, each without the value sent (its `input`, and the `ctx`
    drawn from it): a field may be a password, and a value may be megabytes long."""
    errors = [{key: field[key] for key in FIELD_ERROR_KEYS} for field in error.errors()]
    return ErrorResponse({"detail": jsonable_encoder(errors)}, status_code=422)


def install_error_handlers(api: FastAPI) -> None:
    """Register the handlers for service errors, unreviewable submissions and malformed input."""
    api.add_exception_handler(ServiceError, service_error_handler)
    api.add_exception_handler(InvalidSubmissionError, submission_error_handler)
    api.add_exception_handler(RequestValidationError, validation_error_handler)
