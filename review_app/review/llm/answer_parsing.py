"""Read the review out of an LLM answer, whatever the model wrapped around the JSON."""

import json
import re

from pydantic import ValidationError

from review_app.review.errors import LLMUnavailableError
from review_app.review.llm.schema import LLMReview

_FENCED = re.compile(r"```(?:json|JSON)?\s*\n(.*?)```", re.DOTALL)

# Each failed attempt to decode from a "{" costs a scan; prose full of braces must stay cheap.
_MAX_DECODE_ATTEMPTS = 50


def parse_answer(content: str, finish_reason: str | None) -> LLMReview:
    """The validated review in the model's answer.

    Raises:
        LLMUnavailableError: the answer is empty, holds no JSON object, or not our schema.
    """
    if not content.strip():
        raise LLMUnavailableError("LLM returned an empty answer")
    try:
        data = extract_json_object(content)
    except LLMUnavailableError as exc:
        if finish_reason == "length":
            raise LLMUnavailableError("LLM answer was cut off at the token limit") from exc
        raise
    try:
        return LLMReview.model_validate(data)
    except ValidationError as exc:
        raise LLMUnavailableError(
            f"LLM returned JSON that does not match the review schema ({exc.error_count()} errors)"
        ) from exc


def extract_json_object(text: str) -> dict:
    """The answer's JSON object: raw, inside ```json fences, or surrounded by prose.

    Raises:
        LLMUnavailableError: no JSON object could be found.
    """
    candidates = [text.strip(), *(block.strip() for block in _FENCED.findall(text))]
    for candidate in candidates:
        try:
            value = json.loads(candidate)
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict):
            return value
    found = _outermost_object(text)
    if found is None:
        raise LLMUnavailableError("LLM returned invalid JSON")
    return found


def _outermost_object(text: str) -> dict | None:
    """The first object that decodes, starting at the earliest "{" (so the outermost one)."""
    decoder = json.JSONDecoder()
    start = text.find("{")
    for _ in range(_MAX_DECODE_ATTEMPTS):
        if start < 0:
            return None
        try:
            value, _end = decoder.raw_decode(text, start)
        except json.JSONDecodeError:
            start = text.find("{", start + 1)
        else:
            return value
    return None
