"""Pushes to a tab: one background task per tab relays the user's live channel.

The live-channel service reads and parses the channel; this state only applies its events: a
logout of this tab's login signs the tab out at once, a review's progress moves its job in the
list and refreshes the open review, a conversation's change refreshes the project's conversations.
Between events the task renews the tab's access token.
"""

import logging
import time
import uuid
from collections.abc import Awaitable, Callable

import reflex as rx

from review_app import routes
from review_app.services import live_channel
from review_app.services.live_channel import (
    ConversationEvent,
    LiveEvent,
    LogoutEvent,
    ProgressEvent,
    ProjectProgressEvent,
)
from review_app.state.conversations import ConversationState
from review_app.state.jobs import JobsState
from review_app.state.project_view import ProjectViewState
from review_app.state.review_view import ReviewViewState
from review_app.state.session import SessionState
from review_app.state.team_activity import TeamActivityState

logger = logging.getLogger(__name__)
POLL_SECONDS = 2.0

# Whether a tab (by its client token) is connected to any backend process; handed over by the
# app at start-up (`use_connection_check`), so this state never imports the app.
ConnectionCheck = Callable[[str], Awaitable[bool]]
_connection_check: list[ConnectionCheck] = []


def use_connection_check(check: ConnectionCheck) -> None:
    """Called once by the app: how to tell whether a tab's websocket is still connected."""
    _connection_check[:] = [check]


class LiveUpdatesState(rx.State):
    """Runs the tab's listener; a newer listener (after a reload) retires the older one."""

    _generation: int = 0
    _started_for: str = ""  # the connection and page the newest listener was started for

    @rx.event
    async def start(self):
        """After the session check of a page load: start the listener if signed in.

        A foreground event, so it runs after the page's earlier on-load events; a background
        event would start at once, racing the session check (and might find no user yet).
        Every page asks on mount (a public page too: a sign-out elsewhere reaches it), a
        protected one on load as well: once per connection and page is enough.
        """
        session = await self.get_state(SessionState)
        started_for = f"{self.router.session.session_id} {self.router.url.path}"
        if not session._user_id or started_for == self._started_for:
            return None
        self._started_for = started_for
        return LiveUpdatesState.listen

    @rx.event(background=True)
    async def listen(self):
        """Relay the user's channel to this tab until it closes or signs out."""
        async with self:
            self._generation += 1
            generation = self._generation
            user_id = (await self.get_state(SessionState))._user_id
        if not user_id:
            return
        events = live_channel.listen(user_id, POLL_SECONDS)
        try:
            async for event in events:
                outcome = await self._handle_safely(event, generation)
                if outcome is None:
                    return
                if outcome:
                    yield rx.redirect(routes.LOGIN)
                    return
        finally:
            await events.aclose()

    async def _handle_safely(self, event: LiveEvent | None, generation: int) -> bool | None:
        """`_handle`, but one event that fails is logged and skipped: the tab keeps its pushes."""
        try:
            return await self._handle(event, generation)
        except Exception:  # a listener that died here would leave the tab without updates
            logger.exception("live event %r could not be applied", event)
            return False

    async def _handle(self, event: LiveEvent | None, generation: int) -> bool | None:
        """Apply one event; None: stop quietly (tab gone or replaced, or signed out by whatever
        signed it out, which says where to go), True: this event signed the tab out."""
        if not await self._tab_connected():
            return None
        async with self:
            session = await self.get_state(SessionState)
            if self._generation != generation or not session.signed_in:
                return None
            if isinstance(event, LogoutEvent) and str(event.family) == session._family:
                session._end()
            elif isinstance(event, ProgressEvent):
                await self._relay_progress(event, session)
            elif isinstance(event, ProjectProgressEvent):
                project = await self.get_state(ProjectViewState)
                await project._apply(event, uuid.UUID(session._user_id))
                await (await self.get_state(TeamActivityState))._apply(event)
            elif isinstance(event, ConversationEvent):
                await (await self.get_state(ConversationState))._apply(event)
            elif _time_to_renew(session):
                await session._renew()
            return not session.signed_in

    async def _relay_progress(self, event: ProgressEvent, session: SessionState) -> None:
        """A review moved on: update the job list and, if it is open, the review."""
        user_id = uuid.UUID(session._user_id)
        await (await self.get_state(JobsState))._apply(event, user_id)
        await (await self.get_state(ReviewViewState))._apply(event, user_id)
        logger.info(
            "review progress pushed to a tab",
            extra={
                "review_id": str(event.review_id),
                "status": event.status.value,
                "stage": event.stage.value,
                "request_id": event.request_id,
            },
        )

    async def _tab_connected(self) -> bool:
        """Whether this tab's websocket is connected to any backend process.

        Not only to this one: with several web workers a tab can reconnect to another
        process, and Reflex relays this task's updates to it there.
        """
        if not _connection_check:
            return False
        return await _connection_check[0](self.router.session.client_token)


def _time_to_renew(session: SessionState) -> bool:
    """Whether the tab's access token is about to expire."""
    return time.time() >= session._renew_at
