"""Password hashing (argon2id at OWASP's parameters) and password strength (zxcvbn)."""

from collections.abc import Sequence

from passlib.context import CryptContext
from zxcvbn import zxcvbn

from review_app.services.errors import WeakPasswordError

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 256
MIN_STRENGTH = 2  # zxcvbn's 0-4 score: 2 is "somewhat guessable", safe from online guessing
_JUDGED_CHARACTERS = 72  # zxcvbn refuses longer text (its cost grows with length): judge the start

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


def check_password_rules(password: str, personal: Sequence[str] = ()) -> None:
    """Refuse, saying why, a password that is too short or long, blank, or easy to guess.

    `personal` holds words of the account (its email) that make a password easier to guess.

    Raises:
        WeakPasswordError: the password would not be accepted.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPasswordError(f"Password must be at least {MIN_PASSWORD_LENGTH} characters.")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise WeakPasswordError(f"Password must be at most {MAX_PASSWORD_LENGTH} characters.")
    if not password.strip():
        raise WeakPasswordError("The password is only spaces; choose one with letters or words.")
    judged = zxcvbn(password[:_JUDGED_CHARACTERS], user_inputs=list(personal))
    if judged["score"] < MIN_STRENGTH:
        advice = judged["feedback"]["warning"] or "It is easy to guess."
        hint = " ".join(judged["feedback"]["suggestions"][:1])
        raise WeakPasswordError(f"This password is too weak: {advice} {hint}".strip())


def hash_password(password: str) -> str:
    """An argon2id hash of `password` (slow on purpose: call it off the event loop)."""
    return _context.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    """Whether `password` matches; with no hash, spend the same time and say no."""
    if password_hash is None:
        _context.verify(password, _DUMMY_HASH)
        return False
    return _context.verify(password, password_hash)
