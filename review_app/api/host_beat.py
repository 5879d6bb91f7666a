"""Each web process announces itself on the host registry while it serves (see
`work_queue.hosts`), so the admin page shows the web hosts beside the worker hosts."""

import asyncio
import logging
import time

from redis import RedisError

from review_app.work_queue.hosts import BEAT_SECONDS, announce, leave

logger = logging.getLogger(__name__)


async def announce_while_serving() -> None:
    """A lifespan task: beat until the process stops, then leave the registry."""
    started_at = time.time()
    try:
        while True:
            try:
                await asyncio.to_thread(announce, "web", started_at)
            except RedisError as error:  # Redis away for a while: beat again when it is back
                logger.warning("web heartbeat not written: %s", error)
            await asyncio.sleep(BEAT_SECONDS)
    finally:
        try:
            await asyncio.to_thread(leave, "web")
        except RedisError as error:
            logger.warning("web heartbeat not removed: %s", error)
