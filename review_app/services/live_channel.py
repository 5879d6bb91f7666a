"""The live channel of each user: what every open tab of theirs hears, pushed over Redis pub/sub.

One typed union of events travels on it (a review's progress, a login ending); `listen` is the
only reader, so the tabs' state only applies events and never parses channel messages.
"""

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Annotated, Literal

import redis.asyncio as aioredis
import structlog
from pydantic import AliasChoices, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from redis import RedisError

from review_app.models import ReviewStatus
from review_app.redis_client import KEY_PREFIX, get_redis
from review_app.request_ids import current_request_id
from review_app.review.models import Stage
from review_app.settings import get_settings

logger = structlog.get_logger(__name__)
RECONNECT_SECONDS = 2.0


class ProgressEvent(BaseModel):
    """One stage of one review; built straight from a `Review` row (from_attributes)."""

    model_config = ConfigDict(from_attributes=True)

    type: Literal["review_progress"] = "review_progress"
    review_id: uuid.UUID = Field(validation_alias=AliasChoices("review_id", "id"))
    status: ReviewStatus
    stage: Stage
    progress: int  # 0-100
    cached: bool = False
    score: int | None = None
    error: str | None = None
    project_review_id: uuid.UUID | None = None  # set for one file of a project review
    request_id: str | None = None  # the submitting request's, for the log lines of the push


class ProjectProgressEvent(BaseModel):
    """A project review moved on: one more file ended, or the whole review did."""

    type: Literal["project_progress"] = "project_progress"
    project_review_id: uuid.UUID
    project_id: uuid.UUID
    status: ReviewStatus
    files_done: int
    file_count: int
    current_file: str | None = None  # the file that just ended
    findings_so_far: int
    score: int | None = None  # once completed
    request_id: str | None = None  # the request that started it, for the log lines of the push


class ConversationEvent(BaseModel):
    """A conversation about a finding of a project changed: a comment, an assignee, a status."""

    type: Literal["conversation"] = "conversation"
    project_id: uuid.UUID
    thread_id: int


class LogoutEvent(BaseModel):
    """A login (token family) ended: its tabs sign out at once."""

    type: Literal["logout"] = "logout"
    family: uuid.UUID


LiveEvent = Annotated[
    ProgressEvent | ProjectProgressEvent | ConversationEvent | LogoutEvent,
    Field(discriminator="type"),
]
_LIVE_EVENT: TypeAdapter[LiveEvent] = TypeAdapter(LiveEvent)


def user_channel(user_id: uuid.UUID | str) -> str:
    """The pub/sub channel every open tab of a user listens on."""
    return f"{KEY_PREFIX}user:{user_id}"


def review_channel(review_id: uuid.UUID) -> str:
    """The pub/sub channel of one review (a CLI or script following one review)."""
    return f"{KEY_PREFIX}review:{review_id}"


def publish(event: LiveEvent, *user_ids: uuid.UUID) -> None:
    """Send `event` to the users' tabs (and a review's own channel), if Redis answers.

    Best effort: the database always holds the latest state, and a tab reloads it. The tabs
    follow a project review as a whole, so one file's progress goes to its review's channel only.
    """
    if isinstance(event, ProgressEvent | ProjectProgressEvent) and event.request_id is None:
        event = event.model_copy(update={"request_id": current_request_id()})
    message = event.model_dump_json()
    try:
        pipeline = get_redis().pipeline(transaction=False)
        if isinstance(event, ProgressEvent):
            pipeline.publish(review_channel(event.review_id), message)
        if not isinstance(event, ProgressEvent) or event.project_review_id is None:
            for user_id in user_ids:
                pipeline.publish(user_channel(user_id), message)
        pipeline.execute()
    except RedisError as error:
        logger.warning("live event %s for %s not published: %s", event.type, user_ids, error)
        return
    _log_published(event)


def _log_published(event: LiveEvent) -> None:
    """A line per review event put on the channel: what moved, under whose request."""
    if isinstance(event, ProgressEvent):
        fields = {"review_id": str(event.review_id), "stage": event.stage.value}
    elif isinstance(event, ProjectProgressEvent):
        fields = {"project_review_id": str(event.project_review_id)}
        fields["files_done"] = f"{event.files_done}/{event.file_count}"
    else:
        return
    logger.info(
        "live event published",
        live_event=event.type,
        status=event.status.value,
        **fields,
        **({"request_id": event.request_id} if event.request_id else {}),
    )


async def listen(user_id: str, poll_seconds: float) -> AsyncIterator[LiveEvent | None]:
    """The user's events as they come, and None after each quiet `poll_seconds`.

    Reconnects by itself when Redis goes away; a message that is not an event is logged and
    skipped, so a tab never loses its pushes over one bad message.
    """
    client = aioredis.from_url(get_settings().effective_redis_url, decode_responses=True)
    try:
        while True:
            try:
                async with client.pubsub() as pubsub:
                    await pubsub.subscribe(user_channel(user_id))
                    while True:
                        message = await pubsub.get_message(
                            ignore_subscribe_messages=True, timeout=poll_seconds
                        )
                        yield _parsed(message["data"]) if message else None
            except RedisError as error:
                logger.warning("live channel lost Redis, reconnecting: %s", error)
                await asyncio.sleep(RECONNECT_SECONDS)
    finally:
        await client.aclose()


def _parsed(data: str) -> LiveEvent | None:
    try:
        return _LIVE_EVENT.validate_json(data)
    except ValidationError:
        logger.warning("not a live event, skipped: %.200r", data)
        return None
