"""A worker host dies mid-review: the other worker host does the review again; none is lost."""

from collections.abc import Iterator

import pytest

from review_app.processes import wait_for
from support.cluster.clients import new_email, signed_in
from support.cluster.cluster import LLM_ANSWER, WORKER_HOSTS, Cluster
from support.llm_server import Reply

CODE = "import subprocess\n\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)  # {}\n"
THINKING_SECONDS = 8  # the LLM's first answers: long enough to kill a host in the middle


@pytest.fixture
def worker_host_to_kill(cluster: Cluster) -> Iterator[str]:
    """The worker host without the sweeper's beat; started again afterwards for the others."""
    yield WORKER_HOSTS[1]
    cluster.restart_host(WORKER_HOSTS[1])
    cluster.llm.reset()


def test_a_review_in_flight_on_a_killed_worker_host_is_done_by_the_other(
    cluster: Cluster, worker_host_to_kill: str
) -> None:
    survivor = next(name for name in WORKER_HOSTS if name != worker_host_to_kill)
    cluster.llm.script(*[Reply(LLM_ANSWER, delay_seconds=THINKING_SECONDS)] * len(WORKER_HOSTS))
    api = signed_in(cluster.url, new_email("linus"), register=True)
    submitted = [
        api.post("/api/reviews", json={"code": CODE.format(n), "filename": f"job{n}.py"})
        for n in range(len(WORKER_HOSTS))
    ]
    assert [answer.status_code for answer in submitted] == [202] * len(WORKER_HOSTS)
    ids = [answer.json()["id"] for answer in submitted]

    def status(review: str) -> str:
        return api.get(f"/api/reviews/{review}").json()["status"]

    def received_by(host: str) -> list[str]:
        log = cluster.worker_log(host)
        return [review for review in ids if f"run_review[{review}] received" in log]

    wait_for(lambda: received_by(worker_host_to_kill), timeout=30, what="a job on the host")
    in_flight = received_by(worker_host_to_kill)[0]
    wait_for(lambda: status(in_flight) == "running", timeout=30, what="the job to start")
    cluster.kill_host(worker_host_to_kill)

    wait_for(
        lambda: all(status(review) == "completed" for review in ids),
        timeout=180,
        what="every review to complete",
    )
    assert in_flight in received_by(survivor), "the other worker host did not redo it"
    assert f"run_review[{in_flight}] succeeded" in cluster.worker_log(survivor)
