"""Each way an LLM call fails is counted for Prometheus, so an operator sees the LLM struggle
before users complain (`review_app_llm_errors_total` by kind)."""

from collections.abc import Callable

from prometheus_client import REGISTRY

from review_app.review.models import LLMConfig
from review_app.review.pipeline import run_review
from support.llm_server import FakeLLMServer, HTTPError, Reply, Stall

KINDS = ("timeout", "connection", "rate_limited", "server_error", "refused", "malformed")


def _errors() -> dict[str, float]:
    return {
        kind: REGISTRY.get_sample_value("review_app_llm_errors_total", {"kind": kind}) or 0.0
        for kind in KINDS
    }


def _counted_during(action: Callable[[], object]) -> dict[str, float]:
    before = _errors()
    action()
    after = _errors()
    return {kind: after[kind] - before[kind] for kind in KINDS if after[kind] != before[kind]}


def test_every_failed_attempt_and_unreadable_answer_is_counted_by_kind(
    llm_server: FakeLLMServer, llm_config: LLMConfig
) -> None:
    llm_server.script(
        HTTPError(429, "slow down", {"Retry-After": "0"}),
        HTTPError(502, "bad gateway"),
        Reply("Looks fine to me!"),
    )
    counted = _counted_during(lambda: run_review("python", "x = 1\n", llm_config))
    assert counted == {"rate_limited": 1, "server_error": 1, "malformed": 1}

    llm_server.default = HTTPError(401, "invalid api key")
    counted = _counted_during(lambda: run_review("python", "y = 2\n", llm_config))
    assert counted == {"refused": 1}


def test_a_timed_out_attempt_is_counted_as_a_timeout(
    llm_server: FakeLLMServer, llm_config: LLMConfig
) -> None:
    llm_server.default = Stall(5)
    quick = llm_config.model_copy(update={"timeout_seconds": 0.3, "max_retries": 0})
    counted = _counted_during(lambda: run_review("python", "z = 3\n", quick))
    assert counted == {"timeout": 1}
