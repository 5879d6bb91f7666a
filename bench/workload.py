"""What the benchmarks send: Python files of a chosen length, a signed-in API user, submissions,
and the wait for a review to finish (its completion event on the user's pub/sub channel).
"""

import ast
import asyncio
import json
import time
import uuid
from dataclasses import dataclass, field
from functools import cache

import httpx
import redis.asyncio as aioredis

from review_app.services.live_channel import user_channel
from review_app.settings import PROJECT_ROOT

PASSWORD = "bench password, not a real one"  # noqa: S105  (throwaway accounts only)
FINISHED = ("completed", "failed")

# The test suite's Python file with known defects (SQL built from input, a mutable default,
# deep branching): its functions are blocks of the generated files, with clean blocks between.
DEFECTS = PROJECT_ROOT / "tests" / "fixtures" / "review" / "python_defects.py"
HEADER = '"""Shop helpers, sample {seed}."""\n# bench sample {nonce}\n\nimport sqlite3\n'
CLEAN_BLOCKS = (
    '''

def total_{n}(prices: list[float], discount: float = 0.0) -> float:
    """Sum the prices of basket {n} after the discount."""
    total = 0.0
    for price in prices:
        if price < 0:
            raise ValueError("negative price")
        total += price
    return round(total * (1 - discount), 2)
''',
    '''

class Basket{n}:
    """Items of basket {n}."""

    def __init__(self, owner: str) -> None:
        self.owner = owner
        self.items: dict[str, int] = {}

    def add(self, name: str, count: int = 1) -> None:
        self.items[name] = self.items.get(name, 0) + count

    def size(self) -> int:
        return sum(self.items.values())
''',
    """

def archive_{n}(path: str) -> None:
    import subprocess
    subprocess.call("tar czf backup.tgz " + path, shell=True)
""",
)


@cache
def blocks() -> tuple[str, ...]:
    """The clean blocks and the defective file's functions; "{n}" makes each name unique."""
    source = DEFECTS.read_text()
    functions = [node for node in ast.parse(source).body if isinstance(node, ast.FunctionDef)]
    defective = tuple(
        "\n\n"
        + ast.get_source_segment(source, node).replace(
            f"def {node.name}(", f"def {node.name}_{{n}}(", 1
        )
        + "\n"
        for node in functions
    )
    return CLEAN_BLOCKS[:2] + defective + CLEAN_BLOCKS[2:]


def python_source(lines: int, seed: int) -> str:
    """A Python module of about `lines` lines laid out by `seed`; every call's text is new.

    A nonce comment makes each text, and so its cache key, unique: no submission hits the cache.
    """
    parts = [HEADER.format(seed=seed, nonce=uuid.uuid4().hex)]
    count = parts[0].count("\n")
    number = 0
    while count < lines:
        block = blocks()[(seed + number) % len(blocks())].replace("{n}", str(number))
        parts.append(block)
        count += block.count("\n")
        number += 1
    return "".join(parts)


@dataclass
class ApiUser:
    """A user signed in once through the REST API; the bearer token is reused for every call."""

    url: str
    email: str
    token: str
    refresh_token: str  # what the browser keeps in its session cookie
    id: uuid.UUID

    @property
    def headers(self) -> dict[str, str]:
        """The Authorization header of every call."""
        return {"Authorization": f"Bearer {self.token}"}


async def sign_up(client: httpx.AsyncClient, url: str, prefix: str = "bench") -> ApiUser:
    """Register a new user and sign in (argon2 runs twice here, never again in the run)."""
    email = f"{prefix}-{uuid.uuid4().hex[:10]}@example.com"
    credentials = {"email": email, "password": PASSWORD}
    (await client.post(f"{url}/api/auth/register", json=credentials)).raise_for_status()
    login = await client.post(f"{url}/api/auth/login", json=credentials)
    login.raise_for_status()
    pair = login.json()
    token = pair["access_token"]
    me = await client.get(f"{url}/api/users/me", headers={"Authorization": f"Bearer {token}"})
    me.raise_for_status()
    user_id = uuid.UUID(me.json()["id"])
    return ApiUser(url, email, token, pair["refresh_token"], user_id)


async def submit(
    client: httpx.AsyncClient,
    user: ApiUser,
    code: str,
    filename: str = "shop.py",
    language: str = "python",
) -> dict:
    """POST /api/reviews; the answer (id, status, cached), or an error naming the status."""
    response = await client.post(
        f"{user.url}/api/reviews",
        json={"code": code, "filename": filename, "language": language},
        headers=user.headers,
    )
    if response.status_code != 202:
        raise RuntimeError(f"submit answered {response.status_code}: {response.text[:300]}")
    return response.json()


@dataclass
class ReviewEvents:
    """The progress events of one review, each with the perf_counter time it arrived."""

    events: list[tuple[float, dict]] = field(default_factory=list)
    finished: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def finished_at(self) -> float:
        """When the completed (or failed) event arrived."""
        return next(at for at, event in self.events if event["status"] in FINISHED)

    def stage_at(self, stage: str) -> float | None:
        """When the review reported reaching `stage`, if it did."""
        return next((at for at, event in self.events if event["stage"] == stage), None)


class CompletionWatcher:
    """Listens on a user's channel, the one the browser's tabs listen on, for review events.

    Subscribe before submitting: a cached or fast review can finish before the POST returns.
    """

    def __init__(self, redis_url: str, user_id: uuid.UUID) -> None:
        self._client = aioredis.from_url(redis_url, decode_responses=True)
        self._channel = user_channel(user_id)
        self._reviews: dict[str, ReviewEvents] = {}
        self._task: asyncio.Task | None = None

    async def __aenter__(self) -> "CompletionWatcher":
        self._pubsub = self._client.pubsub()
        await self._pubsub.subscribe(self._channel)
        self._task = asyncio.create_task(self._listen())
        return self

    async def __aexit__(self, *_exc: object) -> None:
        if self._task is not None:
            self._task.cancel()
        await self._pubsub.aclose()
        await self._client.aclose()

    async def _listen(self) -> None:
        async for message in self._pubsub.listen():
            if message["type"] != "message":
                continue
            arrived = time.perf_counter()
            event = json.loads(message["data"])
            if event.get("type") != "review_progress":
                continue
            review = self._reviews.setdefault(event["review_id"], ReviewEvents())
            review.events.append((arrived, event))
            if event["status"] in FINISHED:
                review.finished.set()

    async def wait(self, review_id: str, timeout: float = 600) -> ReviewEvents:
        """The events of `review_id` once it has finished."""
        review = self._reviews.setdefault(review_id, ReviewEvents())
        await asyncio.wait_for(review.finished.wait(), timeout)
        return review
