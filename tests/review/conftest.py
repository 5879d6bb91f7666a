"""Fixtures for the review pipeline tests: fixture code and an LLM server to talk to."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from review_app.review.models import LLMConfig
from support.llm_server import FakeLLMServer, llm_server

__all__ = ["llm_server"]

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "review"


@pytest.fixture
def read_fixture() -> Callable[[str], str]:
    """Read a file of tests/fixtures/review as text."""
    return lambda name: (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture
def llm_config(llm_server: FakeLLMServer) -> LLMConfig:
    """An LLM config for the test server: short timeout, two retries, near-zero backoff."""
    return LLMConfig(
        base_url=llm_server.base_url,
        api_key="test-key",
        model="fake-model",
        timeout_seconds=1.0,
        max_retries=2,
        max_tokens=4000,
        backoff_base_seconds=0.001,
    )


@pytest.fixture
def review_answer() -> Callable[..., str]:
    """Build the JSON an LLM following the rubric prompt would answer."""

    def build(findings: list[dict] | None = None, summary: str = "Solid, one bug.") -> str:
        rubric = {
            dimension: {"score": 7, "reason": f"{dimension} is acceptable"}
            for dimension in ("correctness", "security", "performance")
        }
        rubric |= {
            dimension: {"score": 8, "reason": f"{dimension} is good"}
            for dimension in ("readability", "maintainability")
        }
        return json.dumps({"summary": summary, "rubric": rubric, "findings": findings or []})

    return build
