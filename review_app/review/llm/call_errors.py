"""LLM calls that went wrong, counted by kind for Prometheus (`review_app_llm_errors_total`):
every failed attempt, every answer that could not be read, every unforeseen client failure."""

from openai import APIConnectionError, APIStatusError, APITimeoutError, OpenAIError
from prometheus_client import Counter

LLM_ERRORS = Counter(
    "review_app_llm_errors",
    "LLM calls that failed, by kind (timeout, connection, rate_limited, server_error, refused,"
    " malformed, unexpected); each attempt counts.",
    ["kind"],
)


def count_failed_call(error: OpenAIError) -> None:
    """One attempt the server or the network failed."""
    LLM_ERRORS.labels(_kind(error)).inc()


def count_unreadable_answer() -> None:
    """An answer that was not the JSON the review asked for."""
    LLM_ERRORS.labels("malformed").inc()


def count_unexpected_failure() -> None:
    """A client failure nobody foresaw (logged with its traceback)."""
    LLM_ERRORS.labels("unexpected").inc()


def _kind(error: OpenAIError) -> str:
    if isinstance(error, APITimeoutError):
        return "timeout"
    if isinstance(error, APIConnectionError):
        return "connection"
    if isinstance(error, APIStatusError):
        if error.status_code == 429:
            return "rate_limited"
        return "server_error" if error.status_code >= 500 else "refused"
    return "unexpected"
