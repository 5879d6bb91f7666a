"""Redis connections shared by the web app, the API and the worker."""

from functools import cache

import redis

from review_app.settings import get_settings

KEY_PREFIX = "review_app:"


@cache
def redis_for(url: str) -> redis.Redis:
    """One pooled client per URL; responses decoded to str."""
    return redis.Redis.from_url(url, decode_responses=True, socket_timeout=5)


def get_redis() -> redis.Redis:
    """The client of the configured Redis."""
    return redis_for(get_settings().effective_redis_url)


def redis_answers(url: str, timeout: float = 0.5) -> bool:
    """Whether a Redis server answers PING at `url`."""
    client = redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout)
    try:
        return bool(client.ping())
    except redis.RedisError:
        return False
    finally:
        client.close()
