"""One chat completion from an OpenAI-compatible server, with our own retries.

The client's built-in retries are off (`max_retries=0`) so the attempt count, the backoff and the
reason given on failure are ours. Structured output is asked for first; a server that rejects
`response_format` with 400/422 is asked once more without it.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from openai import APIStatusError, OpenAI, OpenAIError, omit
from openai.types.chat import ChatCompletion

from review_app.review.errors import LLMUnavailableError
from review_app.review.llm.call_errors import count_failed_call
from review_app.review.llm.retry_policy import failure_reason, is_retryable, retry_delay
from review_app.review.llm.schema import RESPONSE_FORMAT
from review_app.review.models import LLMConfig

logger = logging.getLogger(__name__)

_REJECTED_PARAMETER_STATUSES = frozenset({400, 422})

# Local servers (Ollama, llama.cpp) need no key, but the client insists on one.
_PLACEHOLDER_API_KEY = "not-needed"


@dataclass(frozen=True)
class Completion:
    """The answer text and what it cost."""

    content: str
    finish_reason: str | None
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


def request_completion(
    config: LLMConfig,
    messages: list[dict[str, str]],
    answer_tokens: int,
) -> Completion:
    """Ask the model once, retrying transient failures up to `config.max_retries` times.

    Raises:
        LLMUnavailableError: the server failed for good; the message says how.
    """
    client = OpenAI(
        base_url=config.base_url,
        api_key=config.api_key.get_secret_value() or _PLACEHOLDER_API_KEY,
        timeout=config.timeout_seconds,
        max_retries=0,
    )

    def ask(response_format: object) -> ChatCompletion:
        """One request; `omit` as the format leaves the parameter out."""
        return client.chat.completions.create(
            model=config.model,
            messages=messages,
            max_tokens=answer_tokens,
            temperature=0,
            response_format=response_format,
        )

    with client:
        return _completion(_ask_structured_then_plain(ask, config))


def _ask_structured_then_plain(
    ask: Callable[[object], ChatCompletion], config: LLMConfig
) -> ChatCompletion:
    """The answer to `ask` with the JSON schema, or without it if the server rejects it."""
    try:
        try:
            return _with_retries(lambda: ask(RESPONSE_FORMAT), config)
        except APIStatusError as exc:
            if exc.status_code not in _REJECTED_PARAMETER_STATUSES:
                raise
            logger.info("LLM rejected response_format (HTTP %s); asking without", exc.status_code)
            return _with_retries(lambda: ask(omit), config)
    except APIStatusError as exc:
        raise LLMUnavailableError(failure_reason(exc, 1)) from exc


def _with_retries(send: Callable[[], ChatCompletion], config: LLMConfig) -> ChatCompletion:
    """`send()`, retried on transient errors; a non-retryable status error propagates as is.

    Raises:
        LLMUnavailableError: retries ran out, or the failure was not an HTTP status.
        APIStatusError: the server refused the request (4xx other than 408/409/429).
    """
    attempt = 0
    while True:
        try:
            return send()
        except OpenAIError as exc:
            attempt += 1
            count_failed_call(exc)
            if isinstance(exc, APIStatusError) and not is_retryable(exc):
                raise
            if not is_retryable(exc) or attempt > config.max_retries:
                raise LLMUnavailableError(failure_reason(exc, attempt)) from exc
            delay = retry_delay(exc, attempt - 1, config.backoff_base_seconds)
            logger.info("LLM attempt %d failed (%s); retrying in %.2fs", attempt, exc, delay)
            time.sleep(delay)


def _completion(response: ChatCompletion) -> Completion:
    """The first choice's text and the usage, zero when the server does not report it."""
    choice = response.choices[0] if response.choices else None
    usage = response.usage
    return Completion(
        content=(choice.message.content or "") if choice else "",
        finish_reason=choice.finish_reason if choice else None,
        prompt_tokens=usage.prompt_tokens if usage else 0,
        completion_tokens=usage.completion_tokens if usage else 0,
        total_tokens=usage.total_tokens if usage else 0,
    )
