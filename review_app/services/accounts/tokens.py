"""JWTs: short-lived access tokens and single-use refresh tokens, HS256 only."""

import uuid
from datetime import UTC, datetime, timedelta
from enum import StrEnum

import jwt
from pydantic import BaseModel

from review_app.services.errors import AuthenticationError
from review_app.settings import get_settings

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ["sub", "exp", "iat", "jti", "type", "fam"]


class TokenType(StrEnum):
    """What a token may be used for; an access token never refreshes and vice versa."""

    ACCESS = "access"
    REFRESH = "refresh"


class TokenClaims(BaseModel):
    """The claims of a decoded token."""

    sub: uuid.UUID
    jti: uuid.UUID
    fam: uuid.UUID  # the login this token belongs to
    type: TokenType
    iat: int
    exp: int

    @property
    def expires_at(self) -> datetime:
        """When the token stops working."""
        return datetime.fromtimestamp(self.exp, UTC)

    def seconds_left(self) -> int:
        """Seconds until expiry (never negative)."""
        return max(0, int((self.expires_at - datetime.now(UTC)).total_seconds()))


def encode_token(
    user_id: uuid.UUID, family_id: uuid.UUID, token_type: TokenType, lifetime: timedelta
) -> tuple[str, TokenClaims]:
    """Sign a new token; returns it with its claims."""
    now = datetime.now(UTC)
    claims = TokenClaims(
        sub=user_id,
        jti=uuid.uuid4(),
        fam=family_id,
        type=token_type,
        iat=int(now.timestamp()),
        exp=int((now + lifetime).timestamp()),
    )
    token = jwt.encode(claims.model_dump(mode="json"), get_settings().jwt_key(), ALGORITHM)
    return token, claims


def decode_token(token: str, expected: TokenType) -> TokenClaims:
    """Verify signature, algorithm, expiry, required claims and type, or raise."""
    try:
        payload = jwt.decode(
            token,
            get_settings().jwt_key(),
            algorithms=[ALGORITHM],
            options={"require": REQUIRED_CLAIMS},
        )
        claims = TokenClaims.model_validate(payload)
    except jwt.ExpiredSignatureError as error:
        raise AuthenticationError("The token has expired.") from error
    except (jwt.InvalidTokenError, ValueError) as error:
        raise AuthenticationError("The token is invalid.") from error
    if claims.type is not expected:
        raise AuthenticationError(f"A {claims.type} token cannot be used here.")
    return claims
