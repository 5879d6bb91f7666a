"""A tab's state lock is not kept by a page-load event cancelled while it took the lock (a reload
or a navigation closes the tab's websocket and Reflex cancels the event): the next page gets the
lock at once instead of after its 10 s expiry."""

import asyncio
import uuid

from redis.asyncio import Redis
from reflex.istate.manager.redis import StateManagerRedis

from review_app.settings import get_settings
from review_app.state.state_lock import take_state_locks_safely

REPLY_DELAY_SECONDS = 0.5
NEXT_TAKER_PATIENCE_SECONDS = 3.0  # well under the lock's 10 s expiry


class LateReplies:
    """The Redis client as seen over a slow link: each SET is done at once by the real Redis,
    and its answer reaches the caller `REPLY_DELAY_SECONDS` later (while `slow` is on)."""

    def __init__(self, redis: Redis) -> None:
        self._redis = redis
        self.slow = True

    def __getattr__(self, name: str) -> object:
        return getattr(self._redis, name)

    async def set(self, *args: object, **kwargs: object) -> object:
        answer = await self._redis.set(*args, **kwargs)
        if self.slow:
            await asyncio.sleep(REPLY_DELAY_SECONDS)
        return answer


async def _cancel_a_taker_then_take(manager: StateManagerRedis, link: LateReplies) -> float:
    """Cancel a taker whose SET went through but whose answer is on its way; then time how long
    the next taker waits."""
    lock_key = f"review_app_test_{uuid.uuid4().hex}_lock".encode()
    first = asyncio.create_task(manager._wait_lock(lock_key, b"cancelled-taker"))
    await asyncio.sleep(REPLY_DELAY_SECONDS / 2)
    assert await link.get(lock_key) == b"cancelled-taker"  # Redis has set it
    first.cancel()
    await asyncio.gather(first, return_exceptions=True)
    link.slow = False
    loop = asyncio.get_running_loop()
    started = loop.time()
    await asyncio.wait_for(
        manager._wait_lock(lock_key, b"next-taker"), timeout=NEXT_TAKER_PATIENCE_SECONDS
    )
    waited = loop.time() - started
    assert await link.get(lock_key) == b"next-taker"
    await link.delete(lock_key)
    return waited


def test_a_cancelled_taker_gives_the_lock_back(redis_client) -> None:
    take_state_locks_safely()

    async def scenario() -> float:
        redis = Redis.from_url(get_settings().effective_redis_url)
        link = LateReplies(redis)
        try:
            return await _cancel_a_taker_then_take(StateManagerRedis(redis=link), link)
        finally:
            await redis.aclose()

    assert asyncio.run(scenario()) < 1.0
