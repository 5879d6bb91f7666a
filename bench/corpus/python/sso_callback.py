"""OpenID Connect callback and the return to the page the user came from."""

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Cookie, Query
from fastapi.responses import RedirectResponse

from .oidc import exchange_code

router = APIRouter(prefix="/sso")

TRUSTED_RETURN_HOSTS = {"app.example.com", "admin.example.com", "docs.example.com"}
SESSION_MAX_AGE = 8 * 3600


@router.get("/callback")
async def oidc_callback(
    code: Annotated[str, Query()],
    post_login: Annotated[str, Cookie()] = "/",
):
    tokens = await exchange_code(code)
    response = RedirectResponse(url=post_login, status_code=303)
    response.set_cookie("access_token", tokens.access_token, max_age=SESSION_MAX_AGE, httponly=True)
    return response


@router.get("/callback/admin")
async def admin_callback(
    code: Annotated[str, Query()],
    return_to: Annotated[str, Query()] = "https://admin.example.com/",
):
    tokens = await exchange_code(code)
    parts = urlsplit(return_to)
    if parts.scheme != "https" or parts.hostname not in TRUSTED_RETURN_HOSTS:
        return_to = "https://admin.example.com/"
    response = RedirectResponse(url=return_to, status_code=303)
    response.set_cookie(
        "access_token",
        tokens.access_token,
        max_age=SESSION_MAX_AGE,
        secure=True,
        httponly=True,
        samesite="strict",
    )
    return response
