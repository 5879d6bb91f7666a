"""Reading the JSON events a review publishes on Redis pub/sub."""

import json
import time
from collections.abc import Callable

from redis.client import PubSub


def read_events(
    pubsub: PubSub, until: Callable[[dict], bool], timeout: float = 30
) -> list[tuple[str, dict]]:
    """(channel, event) pairs in arrival order, up to the first event for which `until` holds."""
    events: list[tuple[str, dict]] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        message = pubsub.get_message(ignore_subscribe_messages=True, timeout=0.2)
        if message is None:
            continue
        event = json.loads(message["data"])
        events.append((message["channel"], event))
        if until(event):
            return events
    raise TimeoutError(f"no final event within {timeout} s; got {events}")


def listening(*pubsubs: PubSub, timeout: float = 10) -> None:
    """Wait until Redis has confirmed every subscription of `pubsubs`: a publish from another
    connection reaches them from then on (before, a busy Redis may serve the publisher first)."""
    deadline = time.monotonic() + timeout
    for pubsub in pubsubs:
        expected = len(pubsub.channels) + len(pubsub.patterns)
        confirmed = 0
        while confirmed < expected:
            if time.monotonic() > deadline:
                raise TimeoutError(f"Redis confirmed {confirmed} of {expected} subscriptions")
            message = pubsub.get_message(timeout=0.2)
            if message is not None:
                assert message["type"] in ("subscribe", "psubscribe"), message
                confirmed += 1
