"""Code-host credentials sealed at rest (Fernet: AES-CBC with an HMAC), under a key kept as the
JWT key is: configured (INTEGRATION_KEY) or generated once under the data folder."""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken

from review_app.settings import get_settings


class UnsealError(Exception):
    """A sealed value that this key did not seal (the key changed, or the value was altered)."""


def _fernet() -> Fernet:
    key = hashlib.sha256(get_settings().integration_seal_key()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def seal(secret: str) -> str:
    """`secret` encrypted and authenticated, as text to store."""
    return _fernet().encrypt(secret.encode()).decode()


def unseal(sealed: str) -> str:
    """The secret `seal` gave `sealed` for.

    Raises:
        UnsealError: not sealed with this key, or altered.
    """
    try:
        return _fernet().decrypt(sealed.encode()).decode()
    except InvalidToken:
        raise UnsealError("A stored credential cannot be read with this key.") from None
