"""The request id: one short token that names a piece of work in every log line it causes.

An HTTP request takes its client's `X-Request-ID` when that is a short safe token, else a new
one; a submission from the browser gets a new one. The id is bound to the logging context
(structlog's contextvars), travels with a review to the worker in a task header, and comes
back with its live events, so one id finds the POST, the run and the push.
"""

import re
import uuid
from collections.abc import Callable
from typing import TypeVar

import structlog

HEADER = "X-Request-ID"
TASK_HEADER = "review_app_request_id"  # a Celery message header (custom headers share a space)
CONTEXT_KEY = "request_id"
_SAFE = re.compile(r"[A-Za-z0-9._-]{1,64}")
T = TypeVar("T")


def new_request_id() -> str:
    """A fresh id (uuid4, hex)."""
    return uuid.uuid4().hex


def accepted_request_id(candidate: str | None) -> str:
    """The client's id when it is a short safe token (64 of A-Z a-z 0-9 . _ -), else a new one:
    a hostile one (long, CR/LF, quotes) never reaches a log line or a header."""
    if candidate is not None and _SAFE.fullmatch(candidate):
        return candidate
    return new_request_id()


def current_request_id() -> str | None:
    """The id bound to the work in hand, if any."""
    return structlog.contextvars.get_contextvars().get(CONTEXT_KEY)


def in_request(func: Callable[[], T], request_id: str) -> Callable[[], T]:
    """`func`, run with `request_id` bound: for a thread, which does not inherit the context."""

    def run() -> T:
        with structlog.contextvars.bound_contextvars(**{CONTEXT_KEY: request_id}):
            return func()

    return run
