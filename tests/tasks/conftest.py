"""Fixtures for tests with a real worker: the REST API to act through and a fake LLM."""

import pytest

from support.llm_server import FakeLLMServer, llm_server
from tests.api.conftest import api, headers_of, make_user, sign_in
from tests.review.conftest import review_answer

__all__ = ["api", "headers_of", "llm_server", "make_user", "review_answer", "sign_in"]


@pytest.fixture
def llm_env(database_url: str, llm_server: FakeLLMServer, set_env) -> FakeLLMServer:
    """Point the app, and any worker started after this fixture, at the fake LLM server.

    One try per call and a short timeout, so a failing LLM costs little test time.
    """
    set_env(
        LLM_BASE_URL=llm_server.base_url,
        LLM_API_KEY="test-key",
        LLM_MODEL="fake-model",
        LLM_TIMEOUT_SECONDS="10",
        LLM_MAX_RETRIES="0",
    )
    return llm_server
