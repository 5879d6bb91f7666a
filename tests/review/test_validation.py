"""A user submits something that is not reviewable code and is told why."""

import pytest

from review_app.review.errors import (
    BinaryCodeError,
    CodeTooLargeError,
    EmptyCodeError,
    InvalidEncodingError,
    InvalidSubmissionError,
)
from review_app.review.validation import validate_code


def test_valid_utf8_bytes_come_back_as_text() -> None:
    assert validate_code("print('héllo')\n".encode(), max_bytes=100) == "print('héllo')\n"


def test_text_is_accepted_as_is() -> None:
    assert validate_code("x = 1\n", max_bytes=100) == "x = 1\n"


@pytest.mark.parametrize("code", [b"", "", "   \n\t\n"])
def test_empty_code_is_rejected(code: bytes | str) -> None:
    with pytest.raises(EmptyCodeError, match="empty"):
        validate_code(code, max_bytes=100)


def test_nul_bytes_mean_a_binary_file() -> None:
    with pytest.raises(BinaryCodeError, match="binary"):
        validate_code(b"\x7fELF\x00\x01", max_bytes=100)


def test_invalid_utf8_is_rejected_with_the_offset() -> None:
    with pytest.raises(InvalidEncodingError, match="offset 4"):
        validate_code(b"x = \xff\xfe", max_bytes=100)


def test_too_large_code_names_limit_and_size() -> None:
    with pytest.raises(CodeTooLargeError) as caught:
        validate_code("x" * 2_001, max_bytes=2_000)
    assert "2,001 bytes" in str(caught.value)
    assert "2,000 bytes" in str(caught.value)


def test_size_counts_utf8_bytes_not_characters() -> None:
    with pytest.raises(CodeTooLargeError):
        validate_code("é" * 6, max_bytes=10)


def test_every_error_is_an_invalid_submission_and_a_value_error() -> None:
    with pytest.raises(InvalidSubmissionError):
        validate_code(b"\x00", max_bytes=10)
    assert issubclass(InvalidSubmissionError, ValueError)
