"""Reflex's Redis state lock, taken so that a cancelled taker does not keep it.

Reflex cancels a tab's hydrate and page-load events when the tab's websocket closes (a reload, a
navigation). A cancel that lands while the lock's `SET NX` is on its way leaves the lock set in
Redis with nobody to release it, and the tab's next page waits for it to expire: 10 s of a page
that looks signed out (measured: 2 leaked locks in 300 random cancels; the flaky reloads of
issue 14). Until Reflex takes the lock safely itself, the attempt runs shielded from the cancel,
and a lock it took for a taker that was cancelled meanwhile is given back at once.
"""

import asyncio
from functools import partial

from reflex.istate.manager.redis import StateManagerRedis

# Deletes the lock only if it still holds the cancelled taker's id (a later taker's stays).
_RELEASE_IF_OURS = """
if redis.call("get", KEYS[1]) == ARGV[1] then
    return redis.call("del", KEYS[1])
end
return 0
"""
_unsafe_try_get_lock = StateManagerRedis._try_get_lock
_releases: set[asyncio.Task] = set()  # kept until done, or the loop could drop them


async def _try_get_lock(self: StateManagerRedis, lock_key: bytes, lock_id: bytes) -> bool | None:
    """Reflex's attempt at the lock, finished even when its taker is cancelled."""
    attempt = asyncio.ensure_future(_unsafe_try_get_lock(self, lock_key, lock_id))
    try:
        return await asyncio.shield(attempt)
    except asyncio.CancelledError:
        attempt.add_done_callback(partial(_give_back, self, lock_key, lock_id))
        raise


def _give_back(
    manager: StateManagerRedis, lock_key: bytes, lock_id: bytes, attempt: asyncio.Future
) -> None:
    """The cancelled taker's attempt ended: if it took the lock, release it."""
    if attempt.cancelled() or attempt.exception() is not None or not attempt.result():
        return
    release = asyncio.ensure_future(_release(manager, lock_key, lock_id))
    _releases.add(release)
    release.add_done_callback(_releases.discard)


async def _release(manager: StateManagerRedis, lock_key: bytes, lock_id: bytes) -> None:
    await manager.redis.eval(_RELEASE_IF_OURS, 1, lock_key, lock_id)
    manager._notify_next_waiter(lock_key)  # a waiter in this process need not wait for Redis


def take_state_locks_safely() -> None:
    """Install the safe attempt on Reflex's Redis state manager (once; it fails loudly if a
    Reflex upgrade renamed what it replaces)."""
    assert callable(getattr(StateManagerRedis, "_notify_next_waiter", None)), "Reflex changed"
    StateManagerRedis._try_get_lock = _try_get_lock
