"""Password hashing (argon2id at OWASP's parameters) and password rules."""

from pathlib import Path

from passlib.context import CryptContext

from review_app.services.errors import WeakPasswordError

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 256

# OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1.
_context = CryptContext(
    schemes=["argon2"],
    argon2__type="ID",
    argon2__memory_cost=19456,
    argon2__time_cost=2,
    argon2__parallelism=1,
)

# Checked against so that a password of an unknown user costs as much as a real check.
_DUMMY_HASH = _context.hash("timing-equaliser-not-a-password")

COMMON_PASSWORDS = frozenset((Path(__file__).parent / "common_passwords.txt").read_text().split())


def check_password_rules(password: str) -> None:
    """Raise WeakPasswordError, saying why, for a password we refuse."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPasswordError(f"Password must be at least {MIN_PASSWORD_LENGTH} characters.")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise WeakPasswordError(f"Password must be at most {MAX_PASSWORD_LENGTH} characters.")
    if password.lower() in COMMON_PASSWORDS:
        raise WeakPasswordError("This password is too common; choose another.")


def hash_password(password: str) -> str:
    """An argon2id hash of `password` (slow on purpose: call it off the event loop)."""
    return _context.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    """Whether `password` matches; with no hash, spend the same time and say no."""
    if password_hash is None:
        _context.verify(password, _DUMMY_HASH)
        return False
    return _context.verify(password, password_hash)
