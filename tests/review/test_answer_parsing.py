"""The LLM's answer is read however the model wraps its JSON."""

import json

import pytest

from review_app.review.errors import LLMUnavailableError
from review_app.review.llm.answer_parsing import extract_json_object, parse_answer

OBJECT = '{"summary": "ok", "findings": [{"title": "t", "line": 1, "detail": "a {b} c"}]}'


@pytest.mark.parametrize(
    "text",
    [
        OBJECT,
        f"  \n{OBJECT}\n",
        f"```json\n{OBJECT}\n```",
        f"Review below.\n\n```JSON\n{OBJECT}\n```",
        f"The review is {OBJECT}.",
        f"{OBJECT}\n\nI flagged one issue {{see above}}.",
        f"Thinking {{not json}} first. Answer: {OBJECT}",
    ],
)
def test_outermost_object_is_found(text: str) -> None:
    data = extract_json_object(text)
    assert data["summary"] == "ok"
    assert data["findings"][0]["detail"] == "a {b} c"


@pytest.mark.parametrize("text", ["no json here", "[1, 2]", '{"summary": "cut off', "{" * 500])
def test_no_object_is_invalid_json(text: str) -> None:
    with pytest.raises(LLMUnavailableError, match="invalid JSON"):
        extract_json_object(text)


def test_answer_cut_at_the_token_limit_says_so() -> None:
    with pytest.raises(LLMUnavailableError, match="cut off at the token limit"):
        parse_answer('{"summary": "the code', finish_reason="length")


def test_empty_answer_is_reported() -> None:
    with pytest.raises(LLMUnavailableError, match="empty answer"):
        parse_answer("  ", finish_reason="stop")


def test_fractional_rubric_marks_are_rounded() -> None:
    rubric = {
        name: {"score": 6.6, "reason": "fine"}
        for name in ("correctness", "security", "performance", "readability", "maintainability")
    }
    review = parse_answer(json.dumps({"rubric": rubric}), "stop")
    assert review.rubric is not None
    assert review.rubric.security.score == 7
