"""Reflex's own HTTP routes (/_upload and its kin) refuse bad requests with a 4xx that echoes
nothing the client sent (Reflex answers an upload to a handler that takes no files with 500,
and an unknown handler with its name)."""

import logging

from reflex_base.utils.exceptions import UploadTypeError, UploadValueError
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp

log = logging.getLogger(__name__)
NOT_AN_UPLOAD_HANDLER = "That event handler does not take file uploads."


async def _not_an_upload_handler(_request: Request, _error: Exception) -> JSONResponse:
    return JSONResponse({"detail": NOT_AN_UPLOAD_HANDLER}, status_code=400)


async def _refused(request: Request, error: HTTPException) -> JSONResponse:
    log.warning("refused %s %s: %s", request.method, request.url.path, error.status_code)
    return JSONResponse(
        {"detail": "The request was refused; check its headers and form fields."},
        status_code=error.status_code,
        headers=error.headers,
    )


def refuse_bad_reflex_requests(app: ASGIApp) -> ASGIApp:
    """Reflex's api_transformer hook, run first on Reflex's own Starlette app."""
    if isinstance(app, Starlette):
        app.add_exception_handler(UploadValueError, _not_an_upload_handler)
        app.add_exception_handler(UploadTypeError, _not_an_upload_handler)
        app.add_exception_handler(HTTPException, _refused)
    return app
