"""Conversations about the open project's findings: the list (open, assigned to me, all), and
the one a dialog shows, with its comments, its assignee and its status. Changes made by the
team reach every member's open tab live (a ConversationEvent on their channels)."""

import dataclasses
import uuid
from collections.abc import Callable
from functools import partial

import reflex as rx

from review_app.models import ThreadStatus
from review_app.services.errors import ServiceError
from review_app.services.live_channel import ConversationEvent
from review_app.services.projects import conversations
from review_app.services.projects.conversations import ThreadView
from review_app.state.project_findings import thread_key
from review_app.state.session import SessionState
from review_app.state.timestamps import shown_time

NOBODY = "nobody"  # the assignee select's value for "not assigned"


@dataclasses.dataclass
class ThreadRow:
    """A conversation as the project page lists it."""

    id: int
    title: str
    path: str
    status: str
    assignee: str
    comments: int
    latest: str  # when its last comment was written


@dataclasses.dataclass
class CommentRow:
    """One comment of the open conversation."""

    author: str
    body: str
    written: str
    is_reply: bool


class ConversationState(rx.State):
    """The open project's conversations, and the one being read or written."""

    threads: list[ThreadRow] = []
    discussed: dict[str, str] = {}  # each finding with a conversation (thread_key): its state
    shown: str = "open"
    dialog_open: bool = False
    thread_id: int = 0  # 0: the finding in the dialog has no conversation yet
    title: str = ""
    path: str = ""
    status: str = ""
    assignee: str = NOBODY
    comments: list[CommentRow] = []
    assignees: list[str] = []
    error: str = ""
    _project_id: str = ""  # the project the conversations are on (see `_follow`)
    _finding: tuple[str, int] = ("", -1)  # (file review id, finding) of a conversation to start

    @rx.event
    async def show(self, shown: str) -> None:
        """List the open conversations, those assigned to the user, or all of them."""
        self.shown = shown if shown in ("open", "mine", "all") else "open"
        await self._list()

    @rx.event
    async def discuss(self, review_id: str, finding: int) -> None:
        """Open the conversation about a finding of the table, or a form to start one."""
        try:
            review = uuid.UUID(review_id)
        except ValueError:
            self.error = "That finding is not one this page lists."
            return
        self._finding = (review_id, int(finding))
        found = await self._call(
            partial(conversations.thread_of, review_id=review, finding=int(finding))
        )
        if found is not False:
            await self._open(found)

    @rx.event
    async def open_thread(self, thread_id: int) -> None:
        """Open a listed conversation."""
        found = await self._call(partial(conversations.get_thread, thread_id=int(thread_id)))
        if found is not False:
            await self._open(found)

    @rx.event
    async def post(self, form: dict) -> None:
        """Add the form's comment: to the open conversation, or as the start of a new one."""
        body = str(form.get("body", ""))
        if self.thread_id:
            action = partial(conversations.reply, thread_id=self.thread_id, body=body)
        else:
            review_id, finding = self._finding
            action = partial(
                conversations.start, review_id=uuid.UUID(review_id), finding=finding, body=body
            )
        await self._change(action)

    @rx.event
    async def assign(self, email: str) -> None:
        """Give the open conversation to a member, or to nobody."""
        assignee = None if email == NOBODY else email
        await self._change(
            partial(conversations.assign, thread_id=self.thread_id, assignee=assignee)
        )

    @rx.event
    async def resolve(self, resolved: bool) -> None:
        """Resolve the open conversation, or open it again."""
        status = ThreadStatus.RESOLVED if resolved else ThreadStatus.OPEN
        await self._change(
            partial(conversations.set_status, thread_id=self.thread_id, status=status)
        )

    @rx.event
    def set_dialog_open(self, is_open: bool) -> None:
        """The dialog opened or closed (Escape, a click outside, Close)."""
        self.dialog_open = is_open

    async def _follow(self, project_id: str) -> None:
        """List the conversations of `project_id` ("": none), where the findings the page
        shows are discussed (a change review's: its base project's)."""
        if project_id == self._project_id:
            return
        self._project_id, self.threads, self.discussed = project_id, [], {}
        self.dialog_open, self.error = False, ""
        if project_id:
            await self._list()

    async def _apply(self, event: ConversationEvent) -> None:
        """A teammate (or another tab) changed a conversation of the open project."""
        if str(event.project_id) != self._project_id:
            return
        await self._list()
        if self.dialog_open and event.thread_id == self.thread_id:
            found = await self._call(partial(conversations.get_thread, thread_id=event.thread_id))
            if found:
                self._show_thread(found)

    async def _change(self, action: Callable[..., ThreadView]) -> None:
        """Run a change on the open conversation, then show it and the list as they now are."""
        changed = await self._call(action)
        if changed:
            self._show_thread(changed)
            await self._list()

    async def _open(self, thread: ThreadView | None) -> None:
        self.error = ""
        if thread is None:
            self.thread_id, self.title, self.path, self.status = 0, "", "", ""
            self.assignee, self.comments = NOBODY, []
        else:
            self._show_thread(thread)
        found = await self._call(conversations.assignees)
        self.assignees = found if isinstance(found, list) else []
        self.dialog_open = True

    def _show_thread(self, thread: ThreadView) -> None:
        self.thread_id, self.title, self.path = thread.id, thread.title, thread.path
        self.status, self.assignee = thread.status.value, thread.assignee or NOBODY
        self.comments = [
            CommentRow(
                author=comment.author or "review_app",
                body=comment.body,
                written=shown_time(comment.created_at),
                is_reply=comment.reply_to is not None,
            )
            for comment in thread.comments
        ]

    async def _list(self) -> None:
        """The conversations the list shows, and the state of every one (for the findings)."""
        every = await self._call(conversations.list_threads)
        if not isinstance(every, list):
            return
        self.discussed = {
            thread_key(thread.path, thread.fingerprint): _said(thread) for thread in every
        }
        if self.shown == "all":
            self.threads = [_row(thread) for thread in every]
            return
        status = ThreadStatus.OPEN if self.shown == "open" else None
        found = await self._call(
            partial(conversations.list_threads, status=status, assigned_to_me=self.shown == "mine")
        )
        if isinstance(found, list):
            self.threads = [_row(thread) for thread in found]

    async def _call(self, action: Callable):
        """The service's answer for the signed-in user and the open project; False when it
        refused (the reason is shown)."""
        try:
            user = await (await self.get_state(SessionState))._current_user()
            answer = await rx.run_in_thread(
                partial(action, user_id=user.id, project_id=uuid.UUID(self._project_id))
            )
        except (ServiceError, ValueError) as error:
            self.error = str(error)
            return False
        self.error = ""
        return answer


def _said(thread: ThreadView) -> str:
    """E.g. "2 comments · open"."""
    count = len(thread.comments)
    return f"{count} comment{'' if count == 1 else 's'} · {thread.status.value}"


def _row(thread: ThreadView) -> ThreadRow:
    latest = thread.comments[-1].created_at if thread.comments else thread.created_at
    return ThreadRow(
        id=thread.id,
        title=thread.title,
        path=thread.path,
        status=thread.status.value,
        assignee=thread.assignee or "",
        comments=len(thread.comments),
        latest=shown_time(latest),
    )
