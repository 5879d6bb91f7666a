"""Any /api/ request no route takes gets the API's answer, never the web frontend's.

Reflex mounts its frontend behind the API, and a route that matches a path but not the method
loses to that mount: a GET to a POST-only route got the frontend's 404 page, an OPTIONS its
`Allow: GET, HEAD`. This router matches every method under /api/; included last, it only
answers what the other routes leave.
"""

import re
from functools import cache

from fastapi import APIRouter, Request
from starlette.routing import compile_path

from review_app.api.errors import ErrorResponse

# RFC 9110's methods and PATCH: the ones an HTTP client or a scanner sends.
EVERY_METHOD = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"]

router = APIRouter(prefix="/api", include_in_schema=False)


@router.api_route("/{path:path}", methods=EVERY_METHOD)
async def unrouted(request: Request) -> ErrorResponse:
    """405 with the methods the path has in `Allow`, or 404 when no route has the path."""
    allowed = methods_at(request)
    if not allowed:
        return ErrorResponse({"detail": "No API route has this path; see /openapi.json."}, 404)
    detail = f"{request.method} is not allowed here; use {' or '.join(allowed)}."
    return ErrorResponse({"detail": detail}, 405, headers={"Allow": ", ".join(allowed)})


def methods_at(request: Request) -> list[str]:
    """The methods the API's OpenAPI document lists for the request's path, sorted."""
    methods: set[str] = set()
    for template, operations in request.app.openapi()["paths"].items():
        if _path_pattern(template).fullmatch(request.scope["path"]):
            methods.update(method.upper() for method in operations)
    return sorted(methods)


@cache
def _path_pattern(template: str) -> re.Pattern[str]:
    """The paths a route template matches, as the router matches them."""
    pattern, _, _ = compile_path(template)
    return pattern
