"""Times as pages show them: to the minute, in UTC, said so."""

from datetime import datetime


def shown_time(moment: datetime) -> str:
    """E.g. "2026-12-02 14:05 UTC"."""
    return moment.strftime("%Y-%m-%d %H:%M UTC")
