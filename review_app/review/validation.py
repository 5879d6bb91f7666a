"""Checks on submitted code before it is queued for review."""

from review_app.review.errors import (
    BinaryCodeError,
    CodeTooLargeError,
    EmptyCodeError,
    InvalidEncodingError,
)


def validate_code(code: bytes | str, max_bytes: int) -> str:
    """Return the submission as text, or explain to the user why it cannot be reviewed.

    The size limit counts UTF-8 bytes, the unit the database and the queue care about.

    Raises:
        EmptyCodeError, CodeTooLargeError, BinaryCodeError, InvalidEncodingError.
    """
    raw = _as_bytes(code)
    if len(raw) > max_bytes:
        raise CodeTooLargeError(len(raw), max_bytes)
    if b"\x00" in raw:
        raise BinaryCodeError
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidEncodingError(exc.start) from exc
    if not text.strip():
        raise EmptyCodeError
    return text


def _as_bytes(code: bytes | str) -> bytes:
    """UTF-8 bytes of the submission; lone surrogates in a str are an encoding error."""
    if isinstance(code, bytes):
        return code
    try:
        return code.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidEncodingError(exc.start) from exc
