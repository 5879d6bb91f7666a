"""The languages the pipeline reviews, and how to tell them from a name or a file name."""

from pathlib import PurePath

from review_app.review.errors import UnsupportedLanguageError

SUPPORTED_LANGUAGES: tuple[str, ...] = ("python", "javascript", "typescript", "go", "java")

_EXTENSIONS: dict[str, str] = {
    ".py": "python",
    ".pyw": "python",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".jsx": "javascript",
    ".ts": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
    ".go": "go",
    ".java": "java",
}

_ALIASES: dict[str, str] = {
    "py": "python",
    "python3": "python",
    "js": "javascript",
    "node": "javascript",
    "ts": "typescript",
    "golang": "go",
}

# The extension each analyzer sees: lizard picks its parser from it, ruff and diffs show it.
_CANONICAL_EXTENSION: dict[str, str] = {
    "python": ".py",
    "javascript": ".js",
    "typescript": ".ts",
    "go": ".go",
    "java": ".java",
}


def language_for_filename(filename: str) -> str | None:
    """The language a file name's extension stands for, or None when unknown."""
    return _EXTENSIONS.get(PurePath(filename).suffix.lower())


def resolve_language(language: str | None, filename: str | None) -> str:
    """The canonical language name: the one given (aliases allowed), else the file's extension.

    Raises:
        UnsupportedLanguageError: neither names a supported language.
    """
    if language and language.strip():
        name = language.strip().lower()
        name = _ALIASES.get(name, name)
        if name not in SUPPORTED_LANGUAGES:
            # Not quoted back: an error never echoes what was sent.
            raise UnsupportedLanguageError("That language is not supported.", SUPPORTED_LANGUAGES)
        return name
    if filename and (detected := language_for_filename(filename)):
        return detected
    what = f"Cannot tell the language of '{filename}'." if filename else "No language was given."
    raise UnsupportedLanguageError(what, SUPPORTED_LANGUAGES)


def submission_filename(language: str) -> str:
    """The file name under which the code is shown to tools and in diffs."""
    return f"submission{_CANONICAL_EXTENSION[language]}"
