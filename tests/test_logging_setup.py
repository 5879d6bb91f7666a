"""The one log format: JSON lines from our loggers and the standard library's alike, with the
request id bound, secrets masked and sizes bounded."""

import io
import json
import logging
import re
from collections.abc import Callable, Iterator

import pytest
import structlog

from review_app.logging_setup import MAX_VALUE_CHARS, REDACTED, configure_logging, renders_json
from review_app.request_ids import in_request
from review_app.settings import Settings


@pytest.fixture
def logging_to() -> Iterator[Callable[[str], io.StringIO]]:
    """Send this process's logging to a buffer in a format; put back as it was afterwards."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level

    def configure(log_format: str) -> io.StringIO:
        stream = io.StringIO()
        configure_logging(Settings(log_format=log_format, log_level="INFO"), stream)
        return stream

    yield configure
    root.handlers, root.level = handlers, level
    logging.captureWarnings(False)
    structlog.reset_defaults()


@pytest.fixture
def log_lines(logging_to) -> io.StringIO:
    """This process's logging, as JSON lines."""
    return logging_to("json")


def _records(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_our_lines_and_the_standard_librarys_share_one_json_shape(log_lines) -> None:
    def work() -> None:
        structlog.get_logger("review_app.example").info("review queued", review_id="r-1")
        logging.getLogger("celery.example").warning("broker %s slow", "redis")

    in_request(work, "req-7")()
    logging.getLogger("celery.example").info("between requests")

    ours, library, outside = _records(log_lines)
    assert (ours["message"], ours["review_id"]) == ("review queued", "r-1")
    assert library["message"] == "broker redis slow"
    for record in (ours, library):
        assert record["request_id"] == "req-7"
        assert record["timestamp"].endswith("Z")
        assert set(record) >= {"timestamp", "level", "logger", "message", "pid"}
    assert (ours["level"], ours["logger"]) == ("info", "review_app.example")
    assert (library["level"], library["logger"]) == ("warning", "celery.example")
    assert "request_id" not in outside


def test_secrets_are_masked_and_long_values_cut(log_lines) -> None:
    logger = structlog.get_logger("review_app.example")
    logger.info("signed in", password="hunter22", authorization="Bearer abc", code="x = 1")
    logging.getLogger("lib").info("huge", extra={"token": "t0k3n", "detail": "y" * 50_000})
    logging.getLogger("lib").info("z" * 50_000)
    try:
        raise ValueError("the error at the end")
    except ValueError:
        logger.exception("failed")

    masked, extra, long_message, failed = _records(log_lines)
    assert masked["password"] == masked["authorization"] == masked["code"] == REDACTED
    assert extra["token"] == REDACTED
    assert len(extra["detail"]) < MAX_VALUE_CHARS + 100
    assert len(long_message["message"]) < MAX_VALUE_CHARS + 100
    assert failed["exception"].endswith("ValueError: the error at the end")
    assert not {"hunter22", "t0k3n"} & set(re.findall(r"\w+", log_lines.getvalue()))


def test_a_terminal_gets_readable_lines_unless_json_is_asked_for() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert not renders_json(Settings(log_format="auto"), Terminal())
    assert renders_json(Settings(log_format="auto"), io.StringIO())
    assert renders_json(Settings(log_format="json"), Terminal())
    assert not renders_json(Settings(log_format="console"), io.StringIO())


def test_readable_lines_never_show_a_tracebacks_variables(logging_to) -> None:
    console = logging_to("console")

    def sign_in(password: str) -> None:
        raise ValueError("refused")

    password = "".join(["hunter", "22"])  # not in the source lines a traceback quotes
    try:
        sign_in(password)
    except ValueError:
        logging.getLogger("review_app.example").exception("sign-in failed")

    assert "ValueError: refused" in console.getvalue()
    assert "hunter22" not in console.getvalue()
