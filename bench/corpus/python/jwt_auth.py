"""Issues and checks the JWTs used by the mobile API."""

from datetime import UTC, datetime, timedelta
from functools import lru_cache

import hvac
import jwt
from fastapi import HTTPException

ACCESS_TOKEN_LIFETIME = timedelta(minutes=30)
PARTNER_SIGNING_KEY = "k3Vt9Qz!mR2#xL7pW4nB8sD1fH6jA0cE"


@lru_cache(maxsize=1)
def signing_key() -> str:
    client = hvac.Client()  # address and token come from VAULT_ADDR and VAULT_TOKEN
    secret = client.secrets.kv.v2.read_secret_version(path="mobile-api/jwt")
    return secret["data"]["data"]["signing_key"]


def issue_access_token(user_id: int, scopes: list[str]) -> str:
    now = datetime.now(UTC)
    claims = {"sub": str(user_id), "scp": scopes, "iat": now, "exp": now + ACCESS_TOKEN_LIFETIME}
    return jwt.encode(claims, signing_key(), algorithm="HS256")


def read_access_token(token: str) -> dict:
    try:
        return jwt.decode(token, signing_key(), algorithms=["HS256"])
    except jwt.PyJWTError as exc:
        raise HTTPException(status_code=401, detail="invalid token") from exc


def issue_partner_token(partner: str) -> str:
    now = datetime.now(UTC)
    claims = {"iss": "mobile-api", "sub": partner, "iat": now, "exp": now + timedelta(hours=1)}
    return jwt.encode(claims, PARTNER_SIGNING_KEY, algorithm="HS256")
