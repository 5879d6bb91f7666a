"""The LLM adds a rubric and findings; when it misbehaves the review still completes."""

import json
import re
import time
from collections.abc import Callable

import pytest

from review_app.review.diffs import apply_unified_diff, make_unified_diff
from review_app.review.models import Category, LLMConfig, ReviewResult, Severity
from review_app.review.pipeline import run_review
from support.llm_server import FakeLLMServer, HTTPError, Reply, Stall

CODE = "def average(values):\n    return sum(values) / len(values)\n"
FIXED = (
    "def average(values):\n"
    "    if not values:\n"
    "        return 0.0\n"
    "    return sum(values) / len(values)\n"
)
GOOD_FIX = make_unified_diff(CODE, FIXED, "submission.py")

Answer = Callable[..., str]


def _division_finding(**overrides: object) -> dict:
    """An LLM finding with the model's own words for severity and category."""
    finding = {
        "title": "Division by zero on an empty list",
        "detail": "len(values) is 0 for an empty list.",
        "severity": "error",
        "category": "correctness",
        "line": 2,
        "suggested_fix": GOOD_FIX,
    }
    return finding | overrides


def _llm_findings(result: ReviewResult) -> list:
    return [f for f in result.findings if "llm" in f.sources]


def test_valid_answer_adds_rubric_findings_summary_and_usage(
    llm_server: FakeLLMServer, llm_config: LLMConfig, review_answer: Answer
) -> None:
    llm_server.script(Reply(review_answer([_division_finding()]), 300, 90))
    result = run_review("python", CODE, llm_config)

    assert result.llm.state == "ok"
    assert result.llm.reason is None
    assert (result.llm.prompt_tokens, result.llm.completion_tokens) == (300, 90)
    assert result.llm.total_tokens == 390
    assert result.llm.model == "fake-model"
    assert result.rubric is not None
    assert result.rubric.correctness.score == 7
    assert result.summary == "Solid, one bug."
    [finding] = _llm_findings(result)
    assert (finding.severity, finding.category, finding.line) == (Severity.HIGH, Category.BUG, 2)
    assert apply_unified_diff(CODE, finding.suggested_fix or "") == FIXED


def test_request_asks_for_the_json_schema_within_the_budget(
    llm_server: FakeLLMServer, llm_config: LLMConfig
) -> None:
    run_review("python", CODE, llm_config)
    [request] = llm_server.chat_requests
    assert request.body is not None
    assert request.body["model"] == "fake-model"
    assert request.body["response_format"]["type"] == "json_schema"
    assert 0 < request.body["max_tokens"] < llm_config.max_tokens
    assert request.headers["authorization"] == "Bearer test-key"


def test_static_findings_are_in_the_prompt(
    llm_server: FakeLLMServer, llm_config: LLMConfig, read_fixture: Callable[[str], str]
) -> None:
    run_review("python", read_fixture("python_defects.py"), llm_config)
    prompt = llm_server.chat_requests[0].prompt
    assert "line 8 [security/high]" in prompt
    assert "python-sql-injection" in prompt
    assert "do not repeat" in prompt


@pytest.mark.parametrize(
    "wrap",
    [
        lambda answer: f"```json\n{answer}\n```",
        lambda answer: f"Here is my review:\n```\n{answer}\n```\nHope it helps!",
        lambda answer: f"Sure! {answer} Let me know if you need more.",
    ],
    ids=["json-fence", "bare-fence-with-prose", "prose-around-json"],
)
def test_json_wrapped_in_fences_or_prose_is_read(
    llm_server: FakeLLMServer,
    llm_config: LLMConfig,
    review_answer: Answer,
    wrap: Callable[[str], str],
) -> None:
    llm_server.script(Reply(wrap(review_answer([_division_finding()]))))
    result = run_review("python", CODE, llm_config)
    assert result.llm.state == "ok"
    assert len(_llm_findings(result)) == 1


def test_invalid_json_leaves_the_static_review(
    llm_server: FakeLLMServer, llm_config: LLMConfig, read_fixture: Callable[[str], str]
) -> None:
    llm_server.script(Reply('{"summary": "oops", "findings": [ {"title": '))
    result = run_review("python", read_fixture("python_defects.py"), llm_config)
    assert result.llm.state == "unavailable"
    assert result.llm.reason == "LLM returned invalid JSON"
    assert result.llm.total_tokens == 200
    assert result.rubric is None
    assert any(f.rule == "B006" for f in result.findings)
    assert result.summary.startswith(f"Score {result.score}/100.")


def test_json_of_the_wrong_shape_is_rejected(
    llm_server: FakeLLMServer, llm_config: LLMConfig
) -> None:
    llm_server.script(Reply(json.dumps({"summary": "Fine.", "rubric": "all good"})))
    result = run_review("python", CODE, llm_config)
    assert result.llm.state == "unavailable"
    assert result.llm.reason is not None
    assert "does not match the review schema" in result.llm.reason


def test_a_malformed_finding_is_dropped_and_the_rest_kept(
    llm_server: FakeLLMServer, llm_config: LLMConfig, review_answer: Answer
) -> None:
    answer = json.loads(review_answer([_division_finding()]))
    answer["findings"].append({"title": "no line"})
    llm_server.script(Reply(json.dumps(answer)))
    result = run_review("python", CODE, llm_config)
    assert result.llm.state == "ok"
    assert [finding.title for finding in _llm_findings(result)] == [
        "Division by zero on an empty list"
    ]


def test_findings_outside_the_code_are_dropped(
    llm_server: FakeLLMServer, llm_config: LLMConfig, review_answer: Answer
) -> None:
    findings = [_division_finding(), _division_finding(line=99), _division_finding(line=0)]
    llm_server.script(Reply(review_answer(findings)))
    result = run_review("python", CODE, llm_config)
    assert [f.line for f in _llm_findings(result)] == [2]
    assert result.llm.reason == "dropped 2 LLM finding(s) outside the code"


def test_a_fix_that_does_not_apply_is_removed_but_the_finding_stays(
    llm_server: FakeLLMServer, llm_config: LLMConfig, review_answer: Answer
) -> None:
    wrong_context = GOOD_FIX.replace("sum(values)", "total(values)")
    llm_server.script(Reply(review_answer([_division_finding(suggested_fix=wrong_context)])))
    result = run_review("python", CODE, llm_config)
    [finding] = _llm_findings(result)
    assert finding.suggested_fix is None
    assert finding.title == "Division by zero on an empty list"
    assert result.llm.reason == "removed 1 LLM fix(es) that did not apply"


def test_timeouts_give_up_after_every_attempt(
    llm_server: FakeLLMServer, llm_config: LLMConfig
) -> None:
    llm_server.default = Stall(5)
    quick = llm_config.model_copy(update={"timeout_seconds": 0.3})
    result = run_review("python", CODE, quick)
    assert result.llm.state == "unavailable"
    assert result.llm.reason == "LLM timed out after 3 attempts"
    assert len(llm_server.chat_requests) == 3
    assert result.findings  # the static findings are still there


def test_rate_limit_is_retried_after_the_servers_delay(
    llm_server: FakeLLMServer, llm_config: LLMConfig, review_answer: Answer
) -> None:
    llm_server.script(HTTPError(429, "slow down", {"Retry-After": "1"}), Reply(review_answer()))
    started = time.monotonic()
    result = run_review("python", CODE, llm_config)
    assert time.monotonic() - started >= 1.0
    assert result.llm.state == "ok"
    assert len(llm_server.chat_requests) == 2


def test_rate_limit_twice_then_success_within_the_retry_budget(
    llm_server: FakeLLMServer, llm_config: LLMConfig, review_answer: Answer
) -> None:
    limited = HTTPError(429, "slow down", {"Retry-After": "0"})
    llm_server.script(limited, limited, Reply(review_answer()))
    result = run_review("python", CODE, llm_config)
    assert result.llm.state == "ok"
    assert len(llm_server.chat_requests) == 3


def test_server_errors_forever_make_the_llm_unavailable(
    llm_server: FakeLLMServer, llm_config: LLMConfig
) -> None:
    llm_server.default = HTTPError(500, "internal error")
    result = run_review("python", CODE, llm_config)
    assert result.llm.state == "unavailable"
    assert result.llm.reason == "LLM server error (HTTP 500) after 3 attempts"
    assert len(llm_server.chat_requests) == 3


def test_a_refused_request_is_not_retried(llm_server: FakeLLMServer, llm_config: LLMConfig) -> None:
    llm_server.default = HTTPError(401, "invalid api key")
    result = run_review("python", CODE, llm_config)
    assert result.llm.state == "unavailable"
    assert result.llm.reason == "LLM rejected the request (HTTP 401): invalid api key"
    assert len(llm_server.chat_requests) == 1


def test_server_without_json_schema_support_is_asked_again_without_it(
    llm_server: FakeLLMServer, llm_config: LLMConfig, review_answer: Answer
) -> None:
    llm_server.reject_response_format = True
    llm_server.script(Reply(review_answer([_division_finding()])))
    result = run_review("python", CODE, llm_config)
    assert result.llm.state == "ok"
    first, second = llm_server.chat_requests
    assert "response_format" in (first.body or {})
    assert "response_format" not in (second.body or {})


def test_without_a_base_url_the_llm_is_skipped(llm_server: FakeLLMServer) -> None:
    result = run_review("python", CODE, LLMConfig(model="unused"))
    assert result.llm.state == "skipped"
    assert result.llm.reason == "no LLM configured"
    assert llm_server.requests == []


def test_code_over_the_token_budget_is_truncated_and_said_so(
    llm_server: FakeLLMServer, llm_config: LLMConfig
) -> None:
    code = "".join(f"total_{n} = {n} * 2\n" for n in range(1, 400))
    tight = llm_config.model_copy(update={"max_tokens": 1500, "max_parts": 3})
    result = run_review("python", code, tight)
    assert result.llm.state == "ok"
    assert result.llm.reason is not None
    assert re.fullmatch(
        r"the LLM saw \d+ of 399 lines within its 1500-token requests", result.llm.reason
    )
    prompts = [request.prompt for request in llm_server.chat_requests]
    assert len(prompts) == 3
    assert "total_1 = 1 * 2" in prompts[0]
    assert all("total_399 = 399 * 2" not in prompt for prompt in prompts)
