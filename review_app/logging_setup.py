"""One log format for every process: a JSON object per line (or readable lines on a terminal).

structlog renders our own loggers and, through its ProcessorFormatter, every standard-library
record too (Celery, granian, SQLAlchemy, `logging.getLogger` calls), with the context bound to
the work in hand (the request id). Secret-looking fields are masked and long values cut, so a
line stays safe to ship and bounded in size.
"""

import logging
import os
import sys
from typing import Any, TextIO

import structlog
from structlog.typing import EventDict, Processor, WrappedLogger

from review_app.settings import Settings

# Fields whose value is never written, whoever logs them (our code or a library's `extra`).
SECRET_FIELDS = frozenset(
    {
        "password",
        "token",
        "access_token",
        "refresh_token",
        "authorization",
        "cookie",
        "set-cookie",
        "secret",
        "api_key",
        "code",  # the code under review
    }
)
MAX_VALUE_CHARS = 2000
MAX_EXCEPTION_CHARS = 8000  # a traceback keeps its end, where the error is
REDACTED = "[redacted]"
UNCUT_FIELDS = frozenset({"exc_info", "stack_info"})  # the console renderer formats them
# Reflex's JSON records (and its supervisor, which passes through lines that have one) call the
# text "message": ours do too, so the web log has one shape.
MESSAGE_KEY = "message"
LEADING_FIELDS = ("timestamp", "level", "logger", MESSAGE_KEY)


def renders_json(settings: Settings, stream: TextIO) -> bool:
    """Whether this process writes JSON lines: always, unless console is asked for or (auto)
    a person watches `stream` on a terminal."""
    if settings.log_format == "auto":
        return not stream.isatty()
    return settings.log_format == "json"


def configure_logging(settings: Settings, stream: TextIO | None = None) -> None:
    """Send every log record of this process to `stream` (stdout) in the one format.

    Replaces the root logger's handlers, so calling it again (a forked child, a second signal)
    reconfigures rather than doubles the output.
    """
    stream = stream or sys.stdout
    as_json = renders_json(settings, stream)
    shared = _shared_processors()
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            structlog.stdlib.PositionalArgumentsFormatter(),  # logger.info("x %s", y) works too
            *shared,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(stream)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=[*shared, structlog.stdlib.ExtraAdder()],  # logger.info(extra=)
            processors=_rendering(as_json),
        )
    )
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(settings.log_level)
    logging.captureWarnings(True)  # warnings.warn (Celery's, say) as records too


def _shared_processors() -> list[Processor]:
    """What every record gets, ours or a library's: context, level, logger, time, pid."""
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True, key="timestamp"),
        _add_pid,
    ]


def _rendering(as_json: bool) -> list[Processor]:
    """The last steps: drop the formatter's bookkeeping, mask, cut, render."""
    first: list[Processor] = [
        structlog.stdlib.ProcessorFormatter.remove_processors_meta,
        _mask_secrets,
    ]
    if not as_json:
        # Plain tracebacks: rich's would print each frame's local variables (secrets, code).
        renderer = structlog.dev.ConsoleRenderer(
            colors=False, exception_formatter=structlog.dev.plain_traceback
        )
        return [*first, _bound_sizes, renderer]
    return [
        *first,
        structlog.processors.format_exc_info,
        _bound_sizes,
        structlog.processors.EventRenamer(MESSAGE_KEY),
        _leading_fields,
        structlog.processors.JSONRenderer(),
    ]


def _add_pid(_logger: WrappedLogger, _method: str, event_dict: EventDict) -> EventDict:
    """Which process wrote the line: several web and worker processes share a log."""
    event_dict["pid"] = os.getpid()
    return event_dict


def _leading_fields(_logger: WrappedLogger, _method: str, event_dict: EventDict) -> EventDict:
    """The same fields first on every line, as a person reads it; then the context."""
    leading = {key: event_dict.pop(key) for key in LEADING_FIELDS if key in event_dict}
    return {**leading, **event_dict}


def _mask_secrets(_logger: WrappedLogger, _method: str, event_dict: EventDict) -> EventDict:
    """Never write a secret-looking field's value."""
    for key in event_dict.keys() & SECRET_FIELDS:
        event_dict[key] = REDACTED
    return event_dict


def _bound_sizes(_logger: WrappedLogger, _method: str, event_dict: EventDict) -> EventDict:
    """Cut long values, so one line stays bounded whatever a message quotes."""
    for key, value in event_dict.items():
        if key in UNCUT_FIELDS:
            continue
        if key == "exception" and isinstance(value, str):
            event_dict[key] = _cut_head(value, MAX_EXCEPTION_CHARS)
        elif isinstance(value, str):
            event_dict[key] = _cut_middle(value, MAX_VALUE_CHARS)
        elif not isinstance(value, int | float | bool | type(None)):
            event_dict[key] = _cut_middle(_text_of(value), MAX_VALUE_CHARS)
    return event_dict


def _text_of(value: Any) -> Any:
    """Containers keep their JSON shape when small; anything else is its text."""
    if isinstance(value, list | tuple | dict) and len(repr(value)) <= MAX_VALUE_CHARS:
        return value
    return str(value)


def _cut_middle(value: Any, limit: int) -> Any:
    """Both ends of a long text (what it is about, and how it ends), the middle cut."""
    if isinstance(value, str) and len(value) > limit:
        half = limit // 2
        return f"{value[:half]} ...({len(value) - limit} characters cut)... {value[-half:]}"
    return value


def _cut_head(value: str, limit: int) -> str:
    """The end of a long text: a traceback's error is at its end."""
    if len(value) > limit:
        return f"({len(value) - limit} characters cut)... {value[-limit:]}"
    return value
