"""When to retry an LLM call, how long to wait, and how to explain giving up.

Transient failures are retried: timeouts, connection errors, 408, 409, 429 and 5xx. The wait is
exponential backoff with "equal jitter" (half fixed, half random, so parallel workers spread
out), unless the server sends Retry-After (or OpenAI's retry-after-ms), which is honoured up to
a cap so a hostile or confused server cannot park a worker.
"""

import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from openai import APIConnectionError, APIStatusError, APITimeoutError, OpenAIError

MAX_RETRY_AFTER_SECONDS = 30.0
_RETRYABLE_STATUSES = frozenset({408, 409, 429})


def is_retryable(error: OpenAIError) -> bool:
    """Whether another attempt may succeed."""
    if isinstance(error, APIConnectionError):  # includes timeouts
        return True
    if isinstance(error, APIStatusError):
        return error.status_code in _RETRYABLE_STATUSES or error.status_code >= 500
    return False


def retry_delay(error: OpenAIError, attempt: int, backoff_base: float) -> float:
    """Seconds to wait before attempt number `attempt + 1` (attempt counts from 0)."""
    retry_after = _retry_after(error)
    if retry_after is not None:
        return min(retry_after, MAX_RETRY_AFTER_SECONDS)
    step = backoff_base * 2**attempt
    return step / 2 + random.uniform(0, step / 2)  # noqa: S311 - jitter, not cryptography


def failure_reason(error: OpenAIError, attempts: int) -> str:
    """Why the LLM review failed, for the person reading the result."""
    tries = f"{attempts} attempt{'s' if attempts != 1 else ''}"
    if isinstance(error, APITimeoutError):
        return f"LLM timed out after {tries}"
    if isinstance(error, APIConnectionError):
        return f"could not connect to the LLM after {tries}"
    if isinstance(error, APIStatusError):
        if error.status_code == 429:
            return f"LLM rate limit (HTTP 429) persisted after {tries}"
        if is_retryable(error):
            return f"LLM server error (HTTP {error.status_code}) after {tries}"
        return f"LLM rejected the request (HTTP {error.status_code}): {_server_message(error)}"
    return f"LLM call failed: {error}"[:300]


def _server_message(error: APIStatusError) -> str:
    """The server's own error message (the client prefixes "Error code: ..."), shortened."""
    body = error.body
    message = body.get("message") if isinstance(body, dict) else None
    return (message if isinstance(message, str) else error.message)[:200]


def _retry_after(error: OpenAIError) -> float | None:
    """The server's requested wait in seconds, if it sent one we can read."""
    if not isinstance(error, APIStatusError):
        return None
    headers = error.response.headers
    if milliseconds := headers.get("retry-after-ms"):
        try:
            return max(0.0, float(milliseconds) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - datetime.now(UTC)).total_seconds())
