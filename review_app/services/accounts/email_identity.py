"""One person, one address: emails normalized so look-alikes never make a second account.

An address is NFKC-normalized (full-width and other compatibility forms become their plain
letters) and lower-cased; one that mixes alphabets within its name or domain is refused; and one
whose skeleton (each letter replaced by the Latin letter it looks like, per Unicode's
confusables data) equals an existing account's is refused as a look-alike of it.
"""

import unicodedata

from confusable_homoglyphs import confusables
from email_validator import EmailNotValidError, validate_email

from review_app.services.errors import InvalidEmailError


def normalize_email(email: str) -> str:
    """The canonical form of an address.

    Raises:
        InvalidEmailError: not an address, or one mixing alphabets (a look-alike in the making).
    """
    text = unicodedata.normalize("NFKC", email.strip())
    try:
        normalized = validate_email(text, check_deliverability=False).normalized.lower()
    except EmailNotValidError as error:
        raise InvalidEmailError(f"That is not a valid email address: {error}") from error
    if any(confusables.is_mixed_script(part) for part in normalized.split("@")):
        raise InvalidEmailError(
            "That address mixes letters of different alphabets; type it in one alphabet."
        )
    return normalized


def skeleton(email: str) -> str:
    """The address with every letter that looks like a Latin one replaced by it."""
    found = confusables.is_confusable(email, greedy=True, preferred_aliases=["latin"]) or []
    latin = {item["character"]: item["homoglyphs"][0]["c"] for item in found if item["homoglyphs"]}
    return "".join(latin.get(character, character) for character in email)
