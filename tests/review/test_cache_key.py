"""A review can be reused exactly when nothing that changes its output has changed."""

import re

from review_app.review.cache_key import cache_key
from review_app.review.models import LLMConfig
from review_app.review.version import analyzer_version

CODE = "def f(x):\n    return x + 1\n"
LLM = LLMConfig(base_url="http://llm.local/v1", api_key="key-1", model="model-a")


def _llm(**changes: object) -> LLMConfig:
    """The test's LLM config with some settings changed (and validated)."""
    return LLMConfig.model_validate(LLM.model_dump() | changes)


def test_key_is_a_stable_sha256_hex() -> None:
    key = cache_key("python", CODE, LLM)
    assert re.fullmatch(r"[0-9a-f]{64}", key)
    assert cache_key("python", CODE, LLM) == key


def test_key_changes_with_language_code_and_model_settings() -> None:
    key = cache_key("python", CODE, LLM)
    assert cache_key("javascript", CODE, LLM) != key
    assert cache_key("python", CODE + "\n", LLM) != key
    assert cache_key("python", CODE, _llm(model="model-b")) != key
    assert cache_key("python", CODE, _llm(max_tokens=8000)) != key
    assert cache_key("python", CODE, _llm(base_url="http://x/v1")) != key
    assert cache_key("python", CODE, LLMConfig()) != key


def test_key_ignores_the_api_key_and_transport_settings() -> None:
    key = cache_key("python", CODE, LLM)
    other = _llm(api_key="key-2", timeout_seconds=5, max_retries=0)
    assert cache_key("python", CODE, other) == key


def test_analyzer_version_names_the_installed_tools() -> None:
    for tool in ("ruff=", "bandit=", "radon=", "lizard=", "tree-sitter="):
        assert tool in analyzer_version()
