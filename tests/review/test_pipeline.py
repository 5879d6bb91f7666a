"""The pipeline reports progress and produces a result that survives JSON storage."""

import json
from collections.abc import Callable

import pytest

from review_app.review.errors import UnsupportedLanguageError
from review_app.review.models import Category, LLMConfig, ReviewResult
from review_app.review.pipeline import run_review
from review_app.review.version import analyzer_version
from support.llm_server import FakeLLMServer, Reply


def test_progress_goes_through_the_stages_in_order(
    read_fixture: Callable[[str], str],
    llm_server: FakeLLMServer,
    llm_config: LLMConfig,
    review_answer: Callable[..., str],
) -> None:
    llm_server.script(Reply(review_answer([])))
    seen: list[tuple[str, int]] = []
    code = read_fixture("python_defects.py")
    run_review("python", code, llm_config, lambda stage: seen.append((stage, stage.percent)))
    assert seen == [("static_analysis", 10), ("llm", 50), ("merging", 90)]


def test_without_an_llm_no_llm_stage_is_shown(read_fixture: Callable[[str], str]) -> None:
    seen: list[str] = []
    run_review("python", read_fixture("python_defects.py"), LLMConfig(), seen.append)
    assert seen == ["static_analysis", "merging"]


def test_result_round_trips_through_json(
    read_fixture: Callable[[str], str],
    llm_server: FakeLLMServer,
    llm_config: LLMConfig,
    review_answer: Callable[..., str],
) -> None:
    finding = {"title": "Tags leak", "severity": "high", "category": "bug", "line": 12}
    llm_server.script(Reply(review_answer([finding])))
    result = run_review("python", read_fixture("python_defects.py"), llm_config)

    stored = json.loads(json.dumps(result.model_dump(mode="json")))
    assert ReviewResult.model_validate(stored) == result
    assert set(stored["category_scores"]) == {category.value for category in Category}
    assert stored["rubric"]["readability"]["score"] == 8
    assert stored["analyzer_version"] == analyzer_version()


def test_result_without_llm_explains_itself(read_fixture: Callable[[str], str]) -> None:
    result = run_review("go", read_fixture("go_syntax_error.go"), LLMConfig())
    assert result.language == "go"
    assert result.llm.state == "skipped"
    assert result.rubric is None
    assert 0 <= result.score < 100
    assert result.summary.startswith(f"Score {result.score}/100. Found 1 issue (1 high).")
    assert "line 15" in result.summary


def test_clean_code_scores_100() -> None:
    code = '"""Greeting."""\n\n\ndef greet(name: str) -> str:\n    """Say hello."""\n'
    code += '    return f"Hello, {name}"\n'
    result = run_review("python", code, LLMConfig())
    assert result.findings == []
    assert result.score == 100
    assert result.summary == "Score 100/100. No issues found."


def test_language_aliases_are_accepted_and_unknown_ones_rejected() -> None:
    assert run_review("golang", "package main\n", LLMConfig()).language == "go"
    with pytest.raises(UnsupportedLanguageError):
        run_review("cobol", "DISPLAY 'HI'.", LLMConfig())
