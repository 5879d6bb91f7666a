"""`/api/projects/{id}/threads`: conversations about a project's findings."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Path
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from review_app.api.deps import SignedInUser
from review_app.models import ThreadStatus
from review_app.services.projects import conversations
from review_app.services.projects.conversations import MAX_COMMENT_LENGTH, ThreadView

router = APIRouter(prefix="/api/projects/{project_id}/threads", tags=["projects"])
ThreadId = Annotated[int, Path(ge=1, le=2**31 - 1)]
CommentText = Annotated[
    str,
    Field(min_length=1, max_length=MAX_COMMENT_LENGTH, pattern=r"\S", description="Plain text."),
]
_NO_THREAD = {404: {"description": "No such project of yours, or conversation on it."}}
_VIEWER = {403: {"description": "A viewer of the project's team."}}


class NewThread(BaseModel):
    """The first comment on a finding of a file review of the project."""

    review_id: uuid.UUID = Field(
        description="The file's review: a file of a review of the project, or of a change"
        " review against it (the finding then lands on the change's base project)."
    )
    finding: int = Field(ge=0, le=100_000, description="The finding's index in that review.")
    body: CommentText


class NewComment(BaseModel):
    """A comment in a conversation, maybe answering another."""

    body: CommentText
    reply_to: int | None = Field(default=None, ge=1, le=2**31 - 1)


class ThreadChange(BaseModel):
    """What to change: the status, the assignee (null: nobody), or both."""

    status: ThreadStatus | None = None
    assignee: str | None = Field(
        default=None,
        max_length=320,
        description="The email of a member of the project's team (or its owner).",
    )


@router.get("", responses={404: {"description": "No such project of yours."}})
async def listing(
    project_id: uuid.UUID,
    user: SignedInUser,
    status: ThreadStatus | None = None,
    assigned_to_me: bool = False,
) -> list[ThreadView]:
    """The project's conversations, newest first; `status` keeps the open or resolved ones,
    `assigned_to_me` those assigned to you."""
    return await run_in_threadpool(
        conversations.list_threads,
        user_id=user.id,
        project_id=project_id,
        status=status,
        assigned_to_me=assigned_to_me,
    )


@router.post(
    "",
    status_code=201,
    responses={
        **_VIEWER,
        404: {"description": "No such project of yours, finished file review of it, or finding."},
    },
)
async def start(project_id: uuid.UUID, body: NewThread, user: SignedInUser) -> ThreadView:
    """Comment on a finding: its conversation, started if it has none. A finding of a change
    review is discussed on the change's base project (`project_id` of the answer)."""
    return await run_in_threadpool(
        conversations.start,
        user_id=user.id,
        project_id=project_id,
        review_id=body.review_id,
        finding=body.finding,
        body=body.body,
    )


@router.get("/{thread_id}", responses=_NO_THREAD)
async def thread(project_id: uuid.UUID, thread_id: ThreadId, user: SignedInUser) -> ThreadView:
    """One conversation with its comments, oldest first."""
    return await run_in_threadpool(
        conversations.get_thread, user_id=user.id, project_id=project_id, thread_id=thread_id
    )


@router.post(
    "/{thread_id}/comments",
    status_code=201,
    responses={
        **_VIEWER,
        404: {"description": "No such project, conversation, or comment to answer in it."},
    },
)
async def comment(
    project_id: uuid.UUID, thread_id: ThreadId, body: NewComment, user: SignedInUser
) -> ThreadView:
    """Add a comment to the conversation."""
    return await run_in_threadpool(
        conversations.reply,
        user_id=user.id,
        project_id=project_id,
        thread_id=thread_id,
        body=body.body,
        reply_to=body.reply_to,
    )


@router.patch(
    "/{thread_id}",
    responses={
        **_VIEWER,
        404: {"description": "No such project, conversation, or assignee who may work on it."},
    },
)
async def change(
    project_id: uuid.UUID, thread_id: ThreadId, body: ThreadChange, user: SignedInUser
) -> ThreadView:
    """Resolve or reopen the conversation, or assign it."""
    changed = None
    if "assignee" in body.model_fields_set:
        changed = await run_in_threadpool(
            conversations.assign,
            user_id=user.id,
            project_id=project_id,
            thread_id=thread_id,
            assignee=body.assignee,
        )
    if body.status is not None:
        changed = await run_in_threadpool(
            conversations.set_status,
            user_id=user.id,
            project_id=project_id,
            thread_id=thread_id,
            status=body.status,
        )
    if changed is None:  # nothing asked: the conversation as it is
        changed = await run_in_threadpool(
            conversations.get_thread, user_id=user.id, project_id=project_id, thread_id=thread_id
        )
    return changed
