"""FastAPI dependencies: who is calling and from where; every request counts once."""

import contextlib
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from review_app.services import rate_limits
from review_app.services.accounts.auth import authenticate
from review_app.services.accounts.client_ip import resolve_client_ip
from review_app.services.accounts.identity import CurrentUser
from review_app.services.accounts.tokens import TokenType, decode_token
from review_app.services.errors import AuthenticationError
from review_app.settings import get_settings

bearer_scheme = HTTPBearer(auto_error=False, description="An access token from /api/auth/login.")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)]


def client_ip(request: Request) -> str:
    """The caller's address; X-Forwarded-For only from a trusted proxy."""
    peer = request.client.host if request.client else None
    forwarded = request.headers.get("x-forwarded-for")
    return resolve_client_ip(peer, forwarded, get_settings().trusted_proxies)


ClientIp = Annotated[str, Depends(client_ip)]


def access_token(credentials: Credentials) -> str:
    """The bearer token of the request, or 401."""
    if credentials is None:
        raise AuthenticationError("Sign in first: send an access token as 'Authorization: Bearer'.")
    return credentials.credentials


AccessToken = Annotated[str, Depends(access_token)]


async def current_user(token: AccessToken) -> CurrentUser:
    """The signed-in user, or 401."""
    return await run_in_threadpool(authenticate, token)


SignedInUser = Annotated[CurrentUser, Depends(current_user)]


def counts_as_write(method: str, path: str) -> bool:
    """Whether a request is refused (503) rather than let through when Redis is down."""
    return method.upper() != "GET" or path.startswith("/api/auth/")


async def default_rate_limit(request: Request, ip: ClientIp) -> None:
    """Every route: the default limit per user (valid bearer token) or else per IP.

    The token is read here, not declared, so a public route does not claim to need one.
    Reads go through when Redis is down; writes and sign-in routes are refused.
    """
    key = rate_limits.per_ip(ip)
    if credentials := await bearer_scheme(request):
        with contextlib.suppress(AuthenticationError):
            key = rate_limits.per_user(decode_token(credentials.credentials, TokenType.ACCESS).sub)
    writes = counts_as_write(request.method, request.url.path)
    await run_in_threadpool(rate_limits.count_request, key, writes=writes)
