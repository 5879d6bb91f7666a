"""The OpenAPI document names every answer an operation can give, in the shape it has.

FastAPI documents what each route declares. The answers every route shares come from the
app-wide dependencies, so they are added from the same facts those dependencies act on: the
default rate limit (429 everywhere; 503 on writes while Redis is down) and the bearer token
(401 wherever one is required); where there is a body, FastAPI's parsing adds 400 and the body
cap 413. A field error names the field and the rule, never the value sent.
"""

from typing import Any

from pydantic import BaseModel

from review_app.api.deps import counts_as_write
from review_app.api.errors import FIELD_ERROR_KEYS


class ErrorMessage(BaseModel):
    """Every refusal but a malformed request: one message for a person."""

    detail: str


FIELD_ERRORS = {"$ref": "#/components/schemas/HTTPValidationError"}
UNREADABLE_BODY = {"description": "The body cannot be read (not UTF-8 JSON)."}
BODY_TOO_LARGE = {"description": "The body is over the route's cap (MAX_*BODY_BYTES)."}
SIGN_IN_FIRST = {"description": "No access token, or one that is invalid, expired or revoked."}
TOO_MANY_REQUESTS = {"description": "Over a rate limit (RATE_LIMIT_DEFAULT, or the route's own)."}
REDIS_DOWN = {"description": "Redis is down, and a write is refused rather than left uncounted."}
ANSWER_HEADERS = {
    "401": {
        "WWW-Authenticate": {
            "description": "The scheme to sign in with.",
            "schema": {"type": "string", "enum": ["Bearer"]},
        }
    },
    "429": {
        "Retry-After": {
            "description": "Seconds until the next request is allowed.",
            "schema": {"type": "integer", "minimum": 1},
        }
    },
}


def document_error_answers(document: dict[str, Any]) -> dict[str, Any]:
    """Add the answers every route shares and give each error answer its shape (idempotent).

    A 422 is FastAPI's list of field errors or a service's message; other errors are a message.
    """
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas["ErrorMessage"] = ErrorMessage.model_json_schema()
    if field_error := schemas.get("ValidationError"):
        _keep_properties(field_error, FIELD_ERROR_KEYS)
    for path, operations in document.get("paths", {}).items():
        for method, operation in operations.items():
            answers = operation.setdefault("responses", {})
            _add_shared_answers(answers, method, path, operation)
            for status, answer in answers.items():
                if status[0] in "45":
                    _describe_error(status, answer, field_errors="HTTPValidationError" in schemas)
            operation["responses"] = dict(sorted(answers.items()))
    return document


def _add_shared_answers(
    answers: dict[str, Any], method: str, path: str, operation: dict[str, Any]
) -> None:
    """The answers every route of a kind gives; a route's own description of them is kept."""
    answers.setdefault("429", dict(TOO_MANY_REQUESTS))
    if "requestBody" in operation:
        answers.setdefault("400", dict(UNREADABLE_BODY))
        answers.setdefault("413", dict(BODY_TOO_LARGE))
    if operation.get("security"):
        answers.setdefault("401", dict(SIGN_IN_FIRST))
    if counts_as_write(method, path):
        answers.setdefault("503", dict(REDIS_DOWN))


def _describe_error(status: str, answer: dict[str, Any], field_errors: bool) -> None:
    """The body of an error answer, and the headers its status always carries."""
    message = {"$ref": "#/components/schemas/ErrorMessage"}
    content = answer.setdefault("content", {}).setdefault("application/json", {})
    if status == "422" and field_errors:
        content["schema"] = {"anyOf": [FIELD_ERRORS, message]}
    else:
        content.setdefault("schema", message)
    if headers := ANSWER_HEADERS.get(status):
        answer.setdefault("headers", {}).update(headers)


def _keep_properties(schema: dict[str, Any], names: tuple[str, ...]) -> None:
    """Only `names` of an object schema's properties (and of those it requires)."""
    schema["properties"] = {
        name: value for name, value in schema["properties"].items() if name in names
    }
    if "required" in schema:
        schema["required"] = [name for name in schema["required"] if name in names]
