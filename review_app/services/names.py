"""Names people give things (projects, teams), checked alike wherever they are given."""

from review_app.review.errors import InvalidSubmissionError

MAX_NAME_LENGTH = 100


class InvalidNameError(InvalidSubmissionError):
    """The name is blank, too long, or holds control characters."""


def clean_name(name: str, thing: str) -> str:
    """The name of a `thing` ("project", "team") without surrounding blanks.

    Raises:
        InvalidNameError: blank, over MAX_NAME_LENGTH, control characters, not UTF-8.
    """
    name = name.strip()
    if not name:
        raise InvalidNameError(f"Give the {thing} a name.")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidNameError(f"The name is longer than {MAX_NAME_LENGTH} characters.")
    if any(ord(character) < 32 or ord(character) == 127 for character in name):
        raise InvalidNameError("The name contains control characters.")
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidNameError("The name is not valid UTF-8.") from None
    return name
