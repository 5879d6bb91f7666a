"""Pushes to a tab: one background task per tab listens on the user's Redis channel.

Messages are JSON with a "type": a logout of this tab's login signs the tab out at once; a
review's progress moves its job in the list and refreshes the open review. Between messages
the task renews the tab's access token before it expires.
"""

import asyncio
import json
import logging
import time
import uuid

import redis.asyncio as aioredis
import reflex as rx
from redis.exceptions import RedisError

from review_app import routes
from review_app.services.auth import user_channel
from review_app.services.review_progress import ProgressEvent
from review_app.settings import get_settings
from review_app.state.jobs import JobsState
from review_app.state.review_view import ReviewViewState
from review_app.state.session import SessionState

logger = logging.getLogger(__name__)
POLL_SECONDS = 2.0
RECONNECT_SECONDS = 2.0


class LiveUpdatesState(rx.State):
    """Runs the tab's listener; a newer listener (after a reload) retires the older one."""

    _generation: int = 0

    @rx.event
    async def start(self):
        """After the session check of a page load: start the listener if signed in.

        A foreground event, so it runs after the page's earlier on-load events; a background
        event would start at once, racing the session check (and might find no user yet).
        """
        session = await self.get_state(SessionState)
        return LiveUpdatesState.listen if session._user_id else None

    @rx.event(background=True)
    async def listen(self):
        """Relay the user's channel to this tab until it closes or signs out."""
        async with self:
            self._generation += 1
            generation = self._generation
            session = await self.get_state(SessionState)
            user_id = session._user_id
        if not user_id:
            return
        client = aioredis.from_url(get_settings().effective_redis_url, decode_responses=True)
        try:
            async for signed_out in self._relay(client, user_id, generation):
                if signed_out:
                    yield rx.redirect(routes.LOGIN)
                    return
        finally:
            await client.aclose()

    async def _relay(self, client: aioredis.Redis, user_id: str, generation: int):
        """Yield after each message or poll: True once the tab is signed out."""
        while True:
            try:
                async with client.pubsub() as pubsub:
                    await pubsub.subscribe(user_channel(user_id))
                    while True:
                        message = await pubsub.get_message(
                            ignore_subscribe_messages=True, timeout=POLL_SECONDS
                        )
                        outcome = await self._handle_safely(message, generation)
                        if outcome is None:
                            return
                        yield outcome
                        if outcome:
                            return
            except RedisError as error:
                logger.warning("live updates lost Redis, reconnecting: %s", error)
                await asyncio.sleep(RECONNECT_SECONDS)

    async def _handle_safely(self, message: dict | None, generation: int) -> bool | None:
        """`_handle`, but one bad message is logged and skipped: the tab keeps its pushes."""
        try:
            return await self._handle(message, generation)
        except RedisError:
            raise
        except Exception:  # a listener that died here would leave the tab without updates
            logger.exception("live update %r could not be applied", message)
            return False

    async def _handle(self, message: dict | None, generation: int) -> bool | None:
        """Apply one message; None: stop quietly (tab gone or replaced), True: signed out."""
        if not await self._tab_connected():
            return None
        async with self:
            if self._generation != generation:
                return None
            session = await self.get_state(SessionState)
            event = json.loads(message["data"]) if message else {}
            if event.get("type") == "logout" and event.get("family") == session._family:
                session._end()
            elif event.get("type") == "review_progress" and session.signed_in:
                await self._relay_progress(ProgressEvent.model_validate(event), session)
            elif session.signed_in and _time_to_renew(session):
                await session._renew()
            return not session.signed_in

    async def _relay_progress(self, event: ProgressEvent, session: SessionState) -> None:
        """A review moved on: update the job list and, if it is open, the review."""
        user_id = uuid.UUID(session._user_id)
        await (await self.get_state(JobsState))._apply(event, user_id)
        await (await self.get_state(ReviewViewState))._apply(event, user_id)

    async def _tab_connected(self) -> bool:
        """Whether this tab's websocket is connected to any backend process.

        Not only to this one: with several web workers a tab can reconnect to another
        process, and Reflex relays this task's updates to it there.
        """
        from review_app.review_app import app

        if app.event_namespace is None:
            return False
        token_manager = app.event_namespace._token_manager  # as reflex.istate.shared does
        return await token_manager.is_token_connected(self.router.session.client_token)


def _time_to_renew(session: SessionState) -> bool:
    """Whether the tab's access token is about to expire."""
    return time.time() >= session._renew_at
