"""The LLM times out, rate limits, fails and talks nonsense under load: every review completes.

A review whose LLM failed completes from static analysis and says `llm: unavailable` with the
reason; the others carry the LLM's rubric and findings.
"""

import uuid
from collections import Counter
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from support.llm_server import Behaviour, HTTPError, Reply, Stall
from tests.conftest import started_worker
from tests.reliability.conftest import LLM_ANSWER
from tests.reliability.jobs import PerJobLLMServer, finished_reviews, submit_job

TIMEOUT_SECONDS = 1  # LLM_TIMEOUT_SECONDS; one retry (LLM_MAX_RETRIES=1)
ANSWER = Reply(LLM_ANSWER)


@dataclass(frozen=True)
class Fault:
    """What the LLM does for a job, and what the finished review must say about it."""

    plan: list[Behaviour]
    llm: str
    reason: str | None
    calls: int


FAULTS = {
    "timeout": Fault(
        [Stall(TIMEOUT_SECONDS * 3)], "unavailable", "LLM timed out after 2 attempts", 2
    ),
    "429 then success": Fault(
        [HTTPError(429, headers={"Retry-After": "0"}), ANSWER], "ok", None, 2
    ),
    "429 forever": Fault(
        [HTTPError(429, headers={"Retry-After": "0"})],
        "unavailable",
        "LLM rate limit (HTTP 429) persisted after 2 attempts",
        2,
    ),
    "500 forever": Fault(
        [HTTPError(500)], "unavailable", "LLM server error (HTTP 500) after 2 attempts", 2
    ),
    "connection dropped": Fault(
        [Stall(0)], "unavailable", "could not connect to the LLM after 2 attempts", 2
    ),
    "invalid JSON": Fault(
        [Reply("Looks fine to me!")], "unavailable", "LLM returned invalid JSON", 1
    ),
    "JSON of another shape": Fault(
        [Reply('{"findings": "none"}')],
        "unavailable",
        "LLM returned JSON that does not match the review schema (1 errors)",
        1,
    ),
    "valid answer": Fault([ANSWER], "ok", None, 1),
}
ROUNDS = 3  # every fault this many times: 24 reviews, submitted back to back


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_every_review_completes_and_says_what_the_llm_did(
    database_url: str, api: TestClient, ada: dict, redis_client, set_env
) -> None:
    jobs = dict(enumerate(list(FAULTS) * ROUNDS))
    plans = {job: FAULTS[name].plan for job, name in jobs.items()}
    with PerJobLLMServer(plans) as llm:
        set_env(
            LLM_BASE_URL=llm.base_url,
            LLM_API_KEY="test-key",
            LLM_MODEL="fake-model",
            LLM_TIMEOUT_SECONDS=str(TIMEOUT_SECONDS),
            LLM_MAX_RETRIES="1",
        )
        with started_worker(redis_client, concurrency=2):
            ids = {}
            for job in jobs:
                response = submit_job(api, ada, job)
                assert response.status_code == 202, response.text
                ids[job] = response.json()["id"]
            finished_reviews([uuid.UUID(review_id) for review_id in ids.values()], timeout=90)
        calls = llm.requests_per_job()

    for job, name in jobs.items():
        fault = FAULTS[name]
        review = api.get(f"/api/reviews/{ids[job]}", headers=ada).json()
        said = (review["status"], review["llm"], review["llm_reason"])
        assert said == ("completed", fault.llm, fault.reason), name
        result = review["result"]
        sources = Counter(source for finding in result["findings"] for source in finding["sources"])
        assert {"ruff", "bandit"} <= set(sources), name  # static analysis always counts
        if fault.llm == "ok":
            assert sources["llm"] == 1, name
            assert result["rubric"]["security"]["score"] == 6, name
            assert review["usage"]["total_tokens"] == 200, name  # the answered call's
        else:
            assert (sources["llm"], result["rubric"]) == (0, None), name
        assert calls[job] == fault.calls, name
