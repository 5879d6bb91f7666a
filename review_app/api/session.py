"""`/api/session/*`: the web UI's session cookie, set, rotated and cleared over HTTP only.

The cookie is HttpOnly (no script reads it), SameSite=Strict and, behind https, Secure. The
pages call these routes themselves (`components/session_cookie.py`); they are no public API.
"""

import contextlib
from typing import Annotated

from fastapi import APIRouter, Cookie, Request, Response, status
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from review_app.api.deps import ClientIp
from review_app.services.accounts import browser_sessions
from review_app.services.accounts.browser_sessions import COOKIE_NAME, SessionCookie
from review_app.services.errors import AuthenticationError
from review_app.settings import get_settings

router = APIRouter(prefix="/api/session", include_in_schema=False)
COOKIE_PATH = "/"

SessionCookieValue = Annotated[str | None, Cookie(alias=COOKIE_NAME, max_length=4096)]


class Ticket(BaseModel):
    """The one-use ticket a tab received when it signed in."""

    ticket: str = Field(max_length=128)


@router.post("", status_code=status.HTTP_204_NO_CONTENT)
async def start(body: Ticket, request: Request, response: Response, ip: ClientIp) -> None:
    """Trade a sign-in ticket for the session cookie."""
    cookie = await run_in_threadpool(browser_sessions.redeem_ticket, body.ticket, ip)
    set_session_cookie(response, request, cookie)


@router.post("/rotate", status_code=status.HTTP_204_NO_CONTENT)
async def rotate(request: Request, response: Response, value: SessionCookieValue = None) -> None:
    """Replace the session cookie's refresh token by its successor (each works once)."""
    if not value:
        raise AuthenticationError(browser_sessions.ENDED)
    try:
        cookie = await run_in_threadpool(browser_sessions.rotate, value)
    except AuthenticationError:
        _clear_cookie(response)
        response.status_code = status.HTTP_401_UNAUTHORIZED
        return
    set_session_cookie(response, request, cookie)


@router.post("/end", status_code=status.HTTP_204_NO_CONTENT)
async def end(response: Response, value: SessionCookieValue = None) -> None:
    """Sign this browser out: its login ends in every tab and the cookie goes."""
    if value:
        # An expired or forged cookie has no login to end; it goes all the same.
        with contextlib.suppress(AuthenticationError):
            await run_in_threadpool(browser_sessions.end, value)
    _clear_cookie(response)


def set_session_cookie(response: Response, request: Request, cookie: SessionCookie) -> None:
    """Have the browser keep `cookie` as its session (HttpOnly, SameSite=Strict)."""
    response.set_cookie(
        COOKIE_NAME,
        cookie.value,
        max_age=cookie.max_age,
        path=COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=get_settings().serves_https or request.url.scheme == "https",
    )


def _clear_cookie(response: Response) -> None:
    response.delete_cookie(COOKIE_NAME, path=COOKIE_PATH, httponly=True, samesite="strict")
