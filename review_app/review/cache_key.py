"""The cache key under which a review result can be reused."""

import hashlib
import json

from review_app.review.models import LLMConfig, ReviewContext
from review_app.review.version import analyzer_version


def cache_key(
    language: str, code: str, llm: LLMConfig, context: ReviewContext | None = None
) -> str:
    """SHA-256 hex over everything that changes a review's output, the file's context in its
    project included (the same code reviewed on its own and as a test differs).

    The LLM settings count only when an LLM is configured; the API key never does, so rotating
    it keeps the cache and the key never reaches the cache store.
    """
    llm_part = (
        {
            "base_url": llm.base_url,
            "model": llm.model,
            "max_tokens": llm.max_tokens,
            "max_parts": llm.max_parts,
        }
        if llm.base_url
        else None
    )
    payload = {"language": language, "code": code, "analyzer": analyzer_version(), "llm": llm_part}
    if context is not None and not context.is_default:
        payload["context"] = context.model_dump(mode="json")
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()
