"""The language of a submission comes from the user's choice or the file name."""

import pytest

from review_app.review.errors import InvalidSubmissionError, UnsupportedLanguageError
from review_app.review.languages import (
    SUPPORTED_LANGUAGES,
    language_for_filename,
    resolve_language,
)


@pytest.mark.parametrize(
    ("filename", "language"),
    [
        ("app.py", "python"),
        ("src/index.JS", "javascript"),
        ("component.jsx", "javascript"),
        ("types.ts", "typescript"),
        ("main.go", "go"),
        ("Invoice.java", "java"),
        ("notes.txt", None),
        ("Makefile", None),
    ],
)
def test_language_for_filename(filename: str, language: str | None) -> None:
    assert language_for_filename(filename) == language


def test_explicit_language_wins_and_aliases_are_understood() -> None:
    assert resolve_language("Python", "main.go") == "python"
    assert resolve_language("golang", None) == "go"
    assert resolve_language("ts", None) == "typescript"


def test_language_falls_back_to_the_file_extension() -> None:
    assert resolve_language(None, "handler.go") == "go"
    assert resolve_language("", "Main.java") == "java"


def test_unknown_language_names_the_supported_ones() -> None:
    with pytest.raises(UnsupportedLanguageError) as caught:
        resolve_language("cobol", None)
    message = str(caught.value)
    assert "That language is not supported" in message
    assert "cobol" not in message  # what was sent is not echoed
    assert all(language in message for language in SUPPORTED_LANGUAGES)
    assert isinstance(caught.value, InvalidSubmissionError)


def test_unknown_extension_without_language_is_rejected() -> None:
    with pytest.raises(UnsupportedLanguageError, match=r"notes\.txt"):
        resolve_language(None, "notes.txt")
    with pytest.raises(UnsupportedLanguageError, match="No language"):
        resolve_language(None, None)
