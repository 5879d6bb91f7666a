"""Service errors become HTTP answers with a message a person understands."""

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from review_app.review.errors import CodeTooLargeError, InvalidSubmissionError
from review_app.services.errors import (
    AuthenticationError,
    EmailTakenError,
    InvalidCredentialsError,
    InvalidEmailError,
    InvalidQueryError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ReviewNotFinishedError,
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
    ReviewNotFinishedError: 409,
    InvalidEmailError: 422,
    InvalidQueryError: 422,
    WeakPasswordError: 422,
    RateLimitedError: 429,
    ServiceUnavailableError: 503,
}


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
    """FastAPI's own answer (its list of field errors quotes the input), escaped to ASCII."""
    return ErrorResponse({"detail": jsonable_encoder(error.errors())}, status_code=422)


def install_error_handlers(api: FastAPI) -> None:
    """Register the handlers for service errors, unreviewable submissions and malformed input."""
    api.add_exception_handler(ServiceError, service_error_handler)
    api.add_exception_handler(InvalidSubmissionError, submission_error_handler)
    api.add_exception_handler(RequestValidationError, validation_error_handler)


class ErrorMessage(BaseModel):
    """Every refusal but a malformed request: one message for a person."""

    detail: str


def document_error_answers(document: dict[str, Any]) -> dict[str, Any]:
    """Give the OpenAPI document's error answers the shape they have (idempotent).

    A 422 is FastAPI's list of field errors or a service's message; other errors are a message.
    """
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas["ErrorMessage"] = ErrorMessage.model_json_schema()
    message = {"$ref": "#/components/schemas/ErrorMessage"}
    field_errors = {"$ref": "#/components/schemas/HTTPValidationError"}
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            for status, answer in operation.get("responses", {}).items():
                if status[0] not in "45":
                    continue
                content = answer.setdefault("content", {}).setdefault("application/json", {})
                if status == "422" and "HTTPValidationError" in schemas:
                    content["schema"] = {"anyOf": [field_errors, message]}
                else:
                    content.setdefault("schema", message)
    return document
