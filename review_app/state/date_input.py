"""Reading the value of an <input type=date> (page states share this)."""

from datetime import date


def parse_date_input(text: str, label: str) -> date | None:
    """The day an <input type=date> holds (YYYY-MM-DD), None when empty; ValueError names it."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise ValueError(f"{label}: '{text}' is not a date (YYYY-MM-DD).") from None
