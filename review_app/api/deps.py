"""FastAPI dependencies: who is calling, from where, and whether they may."""

import contextlib
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from review_app.services import rate_limits
from review_app.services.auth import CurrentUser, authenticate
from review_app.services.client_ip import resolve_client_ip
from review_app.services.errors import AuthenticationError, PermissionDeniedError
from review_app.services.tokens import TokenType, decode_token
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


async def current_admin(user: SignedInUser) -> CurrentUser:
    """The signed-in user if an admin, or 403."""
    if not user.is_admin:
        raise PermissionDeniedError("Only admins may do this.")
    return user


AdminUser = Annotated[CurrentUser, Depends(current_admin)]


def limit_per_ip(rule: rate_limits.Rule) -> Callable[..., Awaitable[None]]:
    """A dependency counting each request against `rule` per client IP (fails closed)."""

    async def dependency(ip: ClientIp) -> None:
        await rate_limits.enforce(rule, f"ip:{ip}", fail_closed=True)

    return dependency


def limit_per_user(rule: rate_limits.Rule) -> Callable[..., Awaitable[None]]:
    """A dependency counting each request against `rule` per signed-in user (fails closed)."""

    async def dependency(user: SignedInUser) -> None:
        await rate_limits.enforce(rule, f"user:{user.id}", fail_closed=True)

    return dependency


async def default_rate_limit(request: Request, credentials: Credentials, ip: ClientIp) -> None:
    """Every route: the default limit per user (valid bearer token) or else per IP.

    Reads go through when Redis is down; writes and sign-in routes are refused.
    """
    key = f"ip:{ip}"
    if credentials is not None:
        with contextlib.suppress(AuthenticationError):
            key = f"user:{decode_token(credentials.credentials, TokenType.ACCESS).sub}"
    fail_closed = request.method != "GET" or request.url.path.startswith("/api/auth/")
    await rate_limits.enforce(rate_limits.Rule.DEFAULT, key, fail_closed=fail_closed)
