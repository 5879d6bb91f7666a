"""Caches rendered page fragments in Redis, keyed by their inputs."""

import hashlib
import json
from collections.abc import Callable

import redis

FRAGMENT_TTL_SECONDS = 300


class FragmentCache:
    """Stores HTML fragments under a key derived from template name and context."""

    def __init__(self, client: redis.Redis, prefix: str = "frag") -> None:
        self._client = client
        self._prefix = prefix

    def key_for(self, template: str, context: dict) -> str:
        payload = json.dumps(context, sort_keys=True, default=str).encode()
        digest = hashlib.sha1(payload).hexdigest()
        return f"{self._prefix}:{template}:{digest}"

    def get_or_render(self, template: str, context: dict, render: Callable[[], str]) -> str:
        key = self.key_for(template, context)
        cached = self._client.get(key)
        if cached is not None:
            return cached.decode()
        html = render()
        self._client.set(key, html, ex=FRAGMENT_TTL_SECONDS)
        return html

    def invalidate(self, template: str) -> int:
        keys = list(self._client.scan_iter(f"{self._prefix}:{template}:*"))
        return self._client.delete(*keys) if keys else 0
