"""The web UI's login in a browser: an HttpOnly cookie holding the login's refresh token.

Only HTTP routes set, rotate and clear the cookie, so no script ever reads it and it never
travels in a tab's state. A tab signed in over its websocket hands the browser a one-use,
short-lived ticket the browser trades for the cookie. A new connection (reload, new tab)
restores its tab from the cookie its handshake carried, and the browser then rotates the
cookie: each refresh token works once, and one presented again after the grace period ends
the login (reuse detection). Within the grace period a rotation repeats its answer, so tabs
loading at once, or a rotation whose answer never arrived, do not end the login.
"""

import hashlib
import json
import secrets
import uuid
from datetime import timedelta
from http.cookies import CookieError, SimpleCookie

from pydantic import BaseModel
from sqlmodel import Session, select

from review_app.db import session_scope
from review_app.models import RefreshToken, utcnow
from review_app.redis_client import KEY_PREFIX, get_redis
from review_app.services.accounts import auth
from review_app.services.accounts import users as accounts
from review_app.services.accounts.identity import CurrentUser
from review_app.services.accounts.tokens import TokenType, decode_token
from review_app.services.errors import AuthenticationError

COOKIE_NAME = "review_app_session"
TICKET_SECONDS = 30
ROTATION_GRACE_SECONDS = 20
ENDED = "Your session has ended; please sign in again."


class SessionCookie(BaseModel):
    """The value the browser's session cookie is to hold, and for how long."""

    value: str
    max_age: int


class BrowserLogin(BaseModel):
    """The login a session cookie belongs to."""

    user: CurrentUser
    family: uuid.UUID


def _ticket_key(ticket: str) -> str:
    return f"{KEY_PREFIX}session-ticket:{hashlib.sha256(ticket.encode()).hexdigest()}"


def _successor_key(jti: uuid.UUID) -> str:
    return f"{KEY_PREFIX}session-successor:{jti}"


def family_of(refresh_token: str) -> uuid.UUID:
    """The login a refresh token belongs to (signature and expiry checked)."""
    return decode_token(refresh_token, TokenType.REFRESH).fam


def issue_ticket(refresh_token: str, ip: str | None) -> str:
    """A one-use ticket, valid briefly and from `ip` only, for the browser to get the cookie."""
    ticket = secrets.token_urlsafe(32)
    record = json.dumps({"refresh_token": refresh_token, "ip": ip})
    get_redis().set(_ticket_key(ticket), record, ex=TICKET_SECONDS)
    return ticket


def redeem_ticket(ticket: str, ip: str | None) -> SessionCookie:
    """The session cookie a ticket stands for; the ticket is used up either way."""
    record = get_redis().getdel(_ticket_key(ticket)) if ticket else None
    if record is None:
        raise AuthenticationError("This sign-in has expired; please sign in again.")
    stored = json.loads(record)
    if stored["ip"] != ip:
        raise AuthenticationError("This sign-in belongs to another address.")
    return cookie_of(stored["refresh_token"])


def cookie_of(refresh_token: str) -> SessionCookie:
    """The session cookie holding a login's refresh token, for as long as the token lasts."""
    claims = decode_token(refresh_token, TokenType.REFRESH)
    return SessionCookie(value=refresh_token, max_age=claims.seconds_left())


def cookie_in(cookie_header: str) -> str:
    """The session cookie's value in a Cookie request header, or ""."""
    cookies: SimpleCookie = SimpleCookie()
    try:
        cookies.load(cookie_header)
    except CookieError:
        return ""
    morsel = cookies.get(COOKIE_NAME)
    return morsel.value if morsel else ""


def restore(refresh_token: str) -> BrowserLogin:
    """The login of a session cookie a new connection brought, without using it up.

    The browser rotates the cookie next (`rotate`); a token rotated longer ago than the grace
    period is a stolen or stale copy, and ends the login.
    """
    claims = decode_token(refresh_token, TokenType.REFRESH)
    now = utcnow()
    with session_scope() as session:
        row = session.get(RefreshToken, claims.jti)
        if row is None or row.revoked_at or row.expires_at <= now:
            raise AuthenticationError(ENDED)
        reused = row.used_at is not None and row.used_at < now - _grace()
        user = accounts.get_user(session=session, user_id=claims.sub)
        current = CurrentUser.model_validate(user) if user else None
    if reused:
        auth.end_login(claims.sub, claims.fam)
        raise AuthenticationError(ENDED)
    if current is None or current.disabled:
        raise AuthenticationError("This account cannot sign in.")
    return BrowserLogin(user=current, family=claims.fam)


def rotate(refresh_token: str) -> SessionCookie:
    """Use the cookie's refresh token up and return its successor; reuse ends the login."""
    claims = decode_token(refresh_token, TokenType.REFRESH)
    redis = get_redis()
    with session_scope() as session:
        user = accounts.get_user(session=session, user_id=claims.sub)
        if auth.consume_refresh_token(session, claims) and user and not user.disabled:
            successor, successor_claims = auth.issue_refresh_token(session, user.id, claims.fam)
            # Set before the commit: a concurrent rotation waits for it, then finds this.
            redis.set(_successor_key(claims.jti), successor, ex=ROTATION_GRACE_SECONDS)
            return SessionCookie(value=successor, max_age=successor_claims.seconds_left())
    if successor := redis.get(_successor_key(claims.jti)):
        lifetime = decode_token(successor, TokenType.REFRESH).seconds_left()
        return SessionCookie(value=successor, max_age=lifetime)
    auth.end_login(claims.sub, claims.fam)
    raise AuthenticationError(ENDED)


def end(refresh_token: str) -> None:
    """Sign the browser out: its cookie's login ends in every tab."""
    claims = decode_token(refresh_token, TokenType.REFRESH)
    auth.end_login(claims.sub, claims.fam)
    auth.drop_session_cache(claims.sub)


def renew_access_token(user_id: uuid.UUID, family_id: uuid.UUID) -> str:
    """A new access token for a tab, while its login is neither ended nor expired."""
    with session_scope() as session:
        if not _login_alive(session, family_id):
            raise AuthenticationError(ENDED)
        user = accounts.get_user(session=session, user_id=user_id)
        if user is None or user.disabled:
            raise AuthenticationError("This account cannot sign in.")
    return auth.issue_access_token(user_id, family_id)[0]


def _login_alive(session: Session, family_id: uuid.UUID) -> bool:
    """Whether a login still holds an unrevoked, unexpired refresh token."""
    return (
        session.exec(
            select(RefreshToken.jti).where(
                RefreshToken.family_id == family_id,
                RefreshToken.revoked_at.is_(None),
                RefreshToken.expires_at > utcnow(),
            )
        ).first()
        is not None
    )


def _grace() -> timedelta:
    return timedelta(seconds=ROTATION_GRACE_SECONDS)
