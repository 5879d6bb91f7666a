"""Exceptions of the review pipeline.

Submission errors carry a message meant for the person who submitted the code; the others are
internal and never escape `run_review` (a failing tool or LLM is recorded in the result instead).
"""


class InvalidSubmissionError(ValueError):
    """The submitted code cannot be reviewed; the message tells the user why."""


class EmptyCodeError(InvalidSubmissionError):
    """Nothing but whitespace was submitted."""

    def __init__(self) -> None:
        super().__init__("The code is empty: paste or upload some code to review.")


class CodeTooLargeError(InvalidSubmissionError):
    """The code exceeds the configured size limit."""

    def __init__(self, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(
            f"The code is {size:,} bytes; the limit is {limit:,} bytes. "
            "Submit a smaller file or a part of it."
        )


class BinaryCodeError(InvalidSubmissionError):
    """The submission holds NUL bytes, so it is a binary file rather than source code."""

    def __init__(self) -> None:
        super().__init__("The file looks binary (it contains NUL bytes); submit source code.")


class InvalidEncodingError(InvalidSubmissionError):
    """The submission is not valid UTF-8."""

    def __init__(self, position: int) -> None:
        self.position = position
        super().__init__(
            f"The code is not valid UTF-8 (first bad byte at offset {position}); "
            "save the file as UTF-8 and submit it again."
        )


class UnsupportedLanguageError(InvalidSubmissionError):
    """The language is unknown or cannot be told from the file name."""

    def __init__(self, what: str, supported: tuple[str, ...]) -> None:
        super().__init__(f"{what} Supported languages: {', '.join(supported)}.")


class AnalyzerError(RuntimeError):
    """A static analysis tool could not produce a result."""


class LLMUnavailableError(RuntimeError):
    """The LLM review failed; the message is the reason shown to the user."""


class PatchApplyError(ValueError):
    """A suggested fix is not a unified diff that applies to the submitted code."""
