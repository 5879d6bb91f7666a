"""Small text helpers used by the CMS when it builds URLs and teasers."""

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w\s-]")
_SEPARATORS = re.compile(r"[-\s]+")


def slugify(title: str, max_length: int = 80) -> str:
    normalized = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = _NON_WORD.sub("", normalized).strip().lower()
    slug = _SEPARATORS.sub("-", words)
    return slug[:max_length].rstrip("-")


def truncate_words(text: str, limit: int = 30, ellipsis: str = "…") -> str:
    words = text.split()
    if len(words) <= limit:
        return " ".join(words)
    return " ".join(words[:limit]) + ellipsis


def reading_time_minutes(text: str, words_per_minute: int = 220) -> int:
    return max(1, round(len(text.split()) / words_per_minute))


def initials(full_name: str) -> str:
    parts = [part for part in full_name.split() if part]
    if not parts:
        return "?"
    if len(parts) == 1:
        return parts[0][0].upper()
    return (parts[0][0] + parts[-1][0]).upper()
