"""`/api/auth/*`: register, login, refresh, logout."""

from typing import Annotated

from fastapi import APIRouter, Body, Cookie, Request, Response, status
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from review_app.api.deps import AccessToken, ClientIp
from review_app.services.accounts import auth
from review_app.services.accounts import users as accounts
from review_app.services.accounts.passwords import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH
from review_app.services.accounts.users import PublicUser
from review_app.services.errors import AuthenticationError

router = APIRouter(prefix="/api/auth", tags=["auth"])
REFRESH_COOKIE = "refresh_token"
COOKIE_PATH = "/api/auth"

_MAX_INPUT = 1024  # longer input is refused before any hashing work is done


class Credentials(BaseModel):
    """An email and a password."""

    email: str = Field(
        max_length=320, examples=["ada@example.com"], json_schema_extra={"format": "email"}
    )
    password: str = Field(max_length=_MAX_INPUT)


class NewAccount(Credentials):
    """The email and password of an account to create; the services judge both."""

    password: str = Field(
        max_length=_MAX_INPUT,
        description="Hard to guess (zxcvbn), and not made of the email's words.",
        json_schema_extra={"minLength": MIN_PASSWORD_LENGTH, "maxLength": MAX_PASSWORD_LENGTH},
    )


class RefreshRequest(BaseModel):
    """A refresh token, when not sent as the cookie."""

    refresh_token: str = Field(max_length=4096)


@router.post(
    "/register",
    status_code=status.HTTP_201_CREATED,
    responses={
        409: {"description": "The email, or one that looks like it, is taken."},
        422: {"description": "Not an email address we accept, or a password too weak."},
    },
)
async def register(credentials: NewAccount, ip: ClientIp) -> PublicUser:
    """Create an account (role `user`)."""
    return await run_in_threadpool(
        accounts.register, email=credentials.email, password=credentials.password, ip=ip
    )


@router.post(
    "/login",
    responses={401: {"description": "Incorrect email or password, or a disabled account."}},
)
async def login(
    credentials: Credentials, request: Request, response: Response, ip: ClientIp
) -> auth.TokenPair:
    """Sign in: an access token, and a refresh token (also as an HttpOnly cookie)."""
    pair = await run_in_threadpool(
        auth.login, email=credentials.email, password=credentials.password, ip=ip
    )
    _set_refresh_cookie(response, request, pair)
    return pair


@router.post(
    "/refresh",
    responses={401: {"description": "No refresh token, or one that is invalid or used."}},
)
async def refresh(
    request: Request,
    ip: ClientIp,
    response: Response,
    body: Annotated[RefreshRequest | None, Body()] = None,
    refresh_token: Annotated[str | None, Cookie()] = None,
) -> auth.TokenPair:
    """Trade a refresh token (JSON body or cookie) for a new pair; each works once."""
    token = body.refresh_token if body else refresh_token
    if not token:
        raise AuthenticationError("Send a refresh token (JSON body or cookie).")
    pair = await run_in_threadpool(auth.refresh, refresh_token=token, ip=ip)
    _set_refresh_cookie(response, request, pair)
    return pair


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(token: AccessToken, ip: ClientIp, response: Response) -> None:
    """Sign out: this access token and its login's refresh tokens stop working."""
    await run_in_threadpool(auth.logout, access_token=token, ip=ip)
    response.delete_cookie(REFRESH_COOKIE, path=COOKIE_PATH, httponly=True, samesite="strict")


def _set_refresh_cookie(response: Response, request: Request, pair: auth.TokenPair) -> None:
    """The refresh token as a cookie only the auth routes ever see."""
    response.set_cookie(
        REFRESH_COOKIE,
        pair.refresh_token,
        max_age=pair.refresh_expires_in,
        path=COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
