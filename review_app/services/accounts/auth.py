"""Signing in and out: token pairs, single-use refresh, revocation, the current user.

The database is the source of truth (refresh tokens and their families); Redis holds the
access-token blacklist, revoked families and a short-lived cache of each user's session.
"""

import logging
import math
import uuid
from datetime import timedelta

from pydantic import BaseModel
from redis import RedisError
from sqlalchemy import update
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import RefreshToken, utcnow
from review_app.redis_client import KEY_PREFIX, get_redis
from review_app.services import audit, live_channel, rate_limits
from review_app.services.accounts import login_throttle, sso_policy
from review_app.services.accounts import users as accounts
from review_app.services.accounts.identity import CurrentUser
from review_app.services.accounts.passwords import verify_password
from review_app.services.accounts.tokens import TokenClaims, TokenType, decode_token, encode_token
from review_app.services.audit import AuditAction
from review_app.services.errors import (
    AuthenticationError,
    InvalidCredentialsError,
    InvalidEmailError,
    ServiceError,
)
from review_app.settings import get_settings

logger = logging.getLogger(__name__)
SESSION_CACHE_SECONDS = 300


class TokenPair(BaseModel):
    """What a successful sign-in or refresh returns."""

    access_token: str
    token_type: str = "bearer"  # noqa: S105  (the OAuth2 token type, not a secret)
    expires_in: int
    refresh_token: str
    refresh_expires_in: int


def _session_key(user_id: uuid.UUID) -> str:
    return f"{KEY_PREFIX}session:{user_id}"


def _revoked_jti_key(jti: uuid.UUID) -> str:
    return f"{KEY_PREFIX}revoked-jti:{jti}"


def _revoked_family_key(family_id: uuid.UUID) -> str:
    return f"{KEY_PREFIX}revoked-family:{family_id}"


def login(*, email: str, password: str, ip: str | None = None) -> TokenPair:
    """Check the credentials (counted per client IP) and start a new login (token family)."""
    rate_limits.enforce(rate_limits.Rule.LOGIN, rate_limits.per_ip(ip))
    return _login(email=email, password=password, ip=ip)


def register_and_sign_in(*, email: str, password: str, ip: str | None = None) -> TokenPair:
    """Create an account (counted as a registration) and sign it in at once."""
    accounts.register(email=email, password=password, ip=ip)
    return _login(email=email, password=password, ip=ip)


def _login(*, email: str, password: str, ip: str | None) -> TokenPair:
    try:
        email = accounts.normalize_email(email)
    except InvalidEmailError:
        email = None
    if email:
        login_throttle.check(email, ip)
    with session_scope() as session:  # raise only after it, or the refusal is not logged
        user = accounts.get_user_by_email(session=session, email=email) if email else None
        password_ok = verify_password(password, user.password_hash if user else None)
        if not (user and password_ok):
            audit.record(session=session, action=AuditAction.LOGIN_FAILED, target=email, ip=ip)
            if email:
                login_throttle.failed(email)
            refusal: ServiceError = InvalidCredentialsError()
        elif user.disabled:
            audit.record(session=session, action=AuditAction.LOGIN_REFUSED, actor=user, ip=ip)
            refusal = AuthenticationError("This account is disabled.")
        elif teams := sso_policy.teams_requiring_sso(session, user.id):
            audit.record(session=session, action=AuditAction.LOGIN_REFUSED, actor=user, ip=ip)
            refusal = sso_policy.SsoRequiredError(teams)
        else:
            audit.record(session=session, action=AuditAction.LOGIN, actor=user, ip=ip)
            login_throttle.succeeded(email, ip)
            return _issue_pair(session, user.id, family_id=uuid.uuid4())
    raise refusal


def refresh(*, refresh_token: str, ip: str | None = None) -> TokenPair:
    """Trade a refresh token for a new pair (counted per client IP); a used one revokes its
    whole family."""
    rate_limits.enforce(rate_limits.Rule.REFRESH, rate_limits.per_ip(ip))
    claims = decode_token(refresh_token, TokenType.REFRESH)
    with session_scope() as session:
        user = accounts.get_user(session=session, user_id=claims.sub)
        if consume_refresh_token(session, claims) and user and not user.disabled:
            return _issue_pair(session, user.id, family_id=claims.fam)
    revoke_family(claims.fam)
    raise AuthenticationError("This refresh token is no longer valid; please sign in again.")


def consume_refresh_token(session, claims: TokenClaims) -> bool:
    """Mark a refresh token used; False if it was used, revoked or expired already."""
    now = utcnow()
    return (
        session.exec(
            update(RefreshToken)
            .where(
                RefreshToken.jti == claims.jti,
                RefreshToken.used_at.is_(None),
                RefreshToken.revoked_at.is_(None),
                RefreshToken.expires_at > now,
            )
            .values(used_at=now)
        ).rowcount
        == 1
    )


def logout(*, access_token: str, ip: str | None = None) -> CurrentUser:
    """End the login of this access token: blacklist it and revoke its family."""
    user = authenticate(access_token)
    claims = decode_token(access_token, TokenType.ACCESS)
    get_redis().set(_revoked_jti_key(claims.jti), "1", ex=max(1, claims.seconds_left()))
    with session_scope() as session:
        audit.record(session=session, action=AuditAction.LOGOUT, actor=user, ip=ip)
    drop_session_cache(user.id)
    end_login(user.id, claims.fam)
    return user


def end_login(user_id: uuid.UUID, family_id: uuid.UUID) -> None:
    """Revoke a login and tell its open tabs (they listen on the user's channel) to sign out."""
    revoke_family(family_id)
    _sign_out_tabs(user_id, family_id)


def _sign_out_tabs(user_id: uuid.UUID, family_id: uuid.UUID) -> None:
    live_channel.publish(live_channel.LogoutEvent(family=family_id), user_id)


def revoke_family(family_id: uuid.UUID) -> None:
    """Revoke every refresh token of a login, and its access tokens until they expire."""
    with session_scope() as session:
        session.exec(
            update(RefreshToken)
            .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
    ttl = math.ceil(get_settings().access_token_minutes * 60)
    get_redis().set(_revoked_family_key(family_id), "1", ex=ttl)


def end_every_login(user_id: uuid.UUID) -> int:
    """Revoke every open login of a user, signing out their tabs at once; returns how many."""
    with session_scope() as session:
        families = session.exec(
            select(RefreshToken.family_id)
            .where(
                RefreshToken.user_id == user_id,
                RefreshToken.revoked_at.is_(None),
                RefreshToken.expires_at > utcnow(),
            )
            .distinct()
        ).all()
    for family_id in families:
        end_login(user_id, family_id)
    drop_session_cache(user_id)
    return len(families)


def authenticate(access_token: str) -> CurrentUser:
    """The user of a valid, unrevoked access token whose account may sign in."""
    claims = decode_token(access_token, TokenType.ACCESS)
    try:
        user = _authenticate_with_redis(claims)
    except RedisError as error:
        logger.warning("Redis unavailable, checking the session in the database: %s", error)
        user = _authenticate_with_database(claims)
    if user is None or user.disabled:
        raise AuthenticationError("This account cannot sign in.")
    return user


def current_user(access_token: str) -> CurrentUser:
    """The user of a web UI action, counted against the default limit (reads fail open)."""
    user = authenticate(access_token)
    rate_limits.count_request(rate_limits.per_user(user.id), writes=False)
    return user


def issue_access_token(user_id: uuid.UUID, family_id: uuid.UUID) -> tuple[str, TokenClaims]:
    """A new access token inside an existing login (used by the web UI's session)."""
    lifetime = timedelta(minutes=get_settings().access_token_minutes)
    return encode_token(user_id, family_id, TokenType.ACCESS, lifetime)


def drop_session_cache(user_id: uuid.UUID) -> None:
    """Forget the cached session, so the next request reads the database."""
    get_redis().delete(_session_key(user_id))


def _authenticate_with_redis(claims: TokenClaims) -> CurrentUser | None:
    """Blacklist, revoked family and cached session in one round trip."""
    redis = get_redis()
    pipeline = redis.pipeline(transaction=False)
    pipeline.exists(_revoked_jti_key(claims.jti), _revoked_family_key(claims.fam))
    pipeline.get(_session_key(claims.sub))
    revoked, cached = pipeline.execute()
    if revoked:
        raise AuthenticationError("This token has been revoked.")
    if cached:
        return CurrentUser.model_validate_json(cached)
    user = _load_user(claims.sub)
    if user:
        redis.set(_session_key(claims.sub), user.model_dump_json(), ex=SESSION_CACHE_SECONDS)
    return user


def _authenticate_with_database(claims: TokenClaims) -> CurrentUser | None:
    """Without Redis: a signed-out login shows as a revoked family in the database."""
    with session_scope() as session:
        revoked = session.exec(
            select(RefreshToken.jti).where(
                RefreshToken.family_id == claims.fam, RefreshToken.revoked_at.is_not(None)
            )
        ).first()
    if revoked:
        raise AuthenticationError("This token has been revoked.")
    return _load_user(claims.sub)


def _load_user(user_id: uuid.UUID) -> CurrentUser | None:
    with session_scope() as session:
        user = accounts.get_user(session=session, user_id=user_id)
        return CurrentUser.model_validate(user) if user else None


def start_login(session, user_id: uuid.UUID) -> TokenPair:
    """A new login (token family) for a user whose identity was checked elsewhere (SSO)."""
    return _issue_pair(session, user_id, family_id=uuid.uuid4())


def _issue_pair(session, user_id: uuid.UUID, *, family_id: uuid.UUID) -> TokenPair:
    """A new access token and a new refresh token (recorded) in `family_id`."""
    access, access_claims = issue_access_token(user_id, family_id)
    refresh_token, claims = issue_refresh_token(session, user_id, family_id)
    return TokenPair(
        access_token=access,
        expires_in=access_claims.seconds_left(),
        refresh_token=refresh_token,
        refresh_expires_in=claims.seconds_left(),
    )


def issue_refresh_token(
    session, user_id: uuid.UUID, family_id: uuid.UUID
) -> tuple[str, TokenClaims]:
    """A new refresh token in `family_id`, recorded so that it works once."""
    lifetime = timedelta(days=get_settings().refresh_token_days)
    refresh_token, claims = encode_token(user_id, family_id, TokenType.REFRESH, lifetime)
    session.add(
        RefreshToken(
            jti=claims.jti, family_id=family_id, user_id=user_id, expires_at=claims.expires_at
        )
    )
    return refresh_token, claims
