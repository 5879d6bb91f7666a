"""A stream of small review jobs, an LLM scripted per job, and the checks of "exactly once".

Each job is a few lines of Python with static findings and a marker (`# job 7`) that reaches
the LLM in the prompt, so the fake LLM can answer each job from a plan of its own, whatever order
the worker's processes ask in.
"""

import json
import re
import time
import uuid
from collections import Counter, deque
from collections.abc import Iterable

import httpx
from redis.client import PubSub
from sqlmodel import func, select

from review_app.db import session_scope
from review_app.models import Review, ReviewFinding, ReviewStatus
from review_app.processes import wait_for
from support.llm_server import Behaviour, FakeLLMServer, RecordedRequest, Stall

JOB_MARKER = re.compile(r"# job (\d+)\n")
FINISHED = (ReviewStatus.COMPLETED, ReviewStatus.FAILED)


def job_code(number: int) -> str:
    """Code that differs for every job (no cache hits) and draws a few static findings."""
    return (
        f'"""Job {number}."""\n'
        "import os\n\n\n"
        f"def run_{number}(path: str) -> object:\n"
        f"    # job {number}\n"
        "    try:\n"
        "        return open(path).read()\n"
        "    except:\n"
        "        pass\n"
    )


def job_of(request: RecordedRequest) -> int | None:
    """The job a chat request is about."""
    match = JOB_MARKER.search(request.prompt)
    return int(match.group(1)) if match else None


class PerJobLLMServer(FakeLLMServer):
    """A fake LLM answering each job from its own plan, in order; the last step repeats.

    It remembers the client port of every request it is stalling, so a test can find the
    worker process waiting on it.
    """

    def __init__(self, plans: dict[int, list[Behaviour]], **kwargs) -> None:
        super().__init__(**kwargs)
        self._plans = {job: deque(plan) for job, plan in plans.items()}
        self.stalled_ports: set[int] = set()

    @property
    def port(self) -> int:
        """The port it listens on."""
        return self._http.server_address[1]

    def requests_per_job(self) -> Counter[int | None]:
        """How many chat requests each job made."""
        return Counter(job_of(request) for request in self.chat_requests)

    def take_stalled(self, ports: Iterable[int]) -> bool:
        """Whether one of `ports` is a stalled request's; it is then no longer counted as one."""
        with self._lock:
            found = self.stalled_ports.intersection(ports)
            self.stalled_ports -= found
        return bool(found)

    def _next_behaviour(self, request: RecordedRequest) -> Behaviour:
        plan = self._plans.get(job_of(request))
        if not plan:
            return super()._next_behaviour(request)
        with self._lock:
            behaviour = plan.popleft() if len(plan) > 1 else plan[0]
            if isinstance(behaviour, Stall):
                self.stalled_ports.add(request.client_port)
        return behaviour


def finished_reviews(review_ids: Iterable[uuid.UUID], timeout: float) -> dict[uuid.UUID, Review]:
    """The reviews, once every one of them is completed or failed (read from the database)."""
    wanted = set(review_ids)
    reviews: dict[uuid.UUID, Review] = {}

    def all_finished() -> bool:
        with session_scope() as session:
            rows = session.exec(select(Review).where(Review.id.in_(wanted))).all()
        reviews.update({review.id: review for review in rows})
        return len(rows) == len(wanted) and all(review.status in FINISHED for review in rows)

    try:
        wait_for(all_finished, timeout=timeout, what=f"{len(wanted)} reviews to finish")
    except TimeoutError:
        states = [
            (r.status, r.stage, r.attempts) for r in reviews.values() if r.status not in FINISHED
        ]
        raise TimeoutError(f"{len(wanted) - len(reviews)} missing, unfinished: {states}") from None
    return reviews


def submit_job(client: httpx.Client, headers: dict[str, str], number: int) -> httpx.Response:
    """POST job `number` for review (through an httpx client or a TestClient, which is one)."""
    body = {"language": "python", "code": job_code(number), "filename": f"job_{number}.py"}
    return client.post("/api/reviews", json=body, headers=headers)


def finding_rows(review_ids: Iterable[uuid.UUID]) -> Counter[uuid.UUID]:
    """How many finding rows each review has in the database."""
    with session_scope() as session:
        rows = session.exec(
            select(ReviewFinding.review_id, func.count())
            .where(ReviewFinding.review_id.in_(list(review_ids)))
            .group_by(ReviewFinding.review_id)
        ).all()
    return Counter(dict(rows))


def assert_completed_once(reviews: dict[uuid.UUID, Review]) -> None:
    """Every review completed, with its findings stored once."""
    not_completed = {
        review.id: (review.status, review.error)
        for review in reviews.values()
        if review.status != ReviewStatus.COMPLETED
    }
    assert not_completed == {}
    rows = finding_rows(reviews)
    stored = {review.id: len(review.result["findings"]) for review in reviews.values()}
    assert all(stored.values())
    assert dict(rows) == stored


def count_done_events(
    pubsub: PubSub, review_ids: Iterable[uuid.UUID], timeout: float = 10
) -> Counter[str]:
    """`done` events per review on the subscribed channels: read until each review has said it,
    then half a second longer for repeats."""
    wanted = {str(review_id) for review_id in review_ids}
    done: Counter[str] = Counter()
    deadline = time.monotonic() + timeout
    quiet_until = None
    while time.monotonic() < (quiet_until or deadline):
        message = pubsub.get_message(ignore_subscribe_messages=True, timeout=0.1)
        if message is not None:
            event = json.loads(message["data"])
            if event["review_id"] in wanted and event["stage"] == "done":
                done[event["review_id"]] += 1
        if quiet_until is None and wanted <= set(done):
            quiet_until = time.monotonic() + 0.5
    return done
