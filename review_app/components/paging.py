"""A paged list's position in words, and its Previous/Next buttons."""

import dataclasses
from collections.abc import Callable
from typing import Any

import reflex as rx


@dataclasses.dataclass
class Paging:
    """Where a paged list is, in words, and which way it can turn."""

    label: str = ""
    has_previous: bool = False
    has_next: bool = False

    @classmethod
    def of(cls, page: Any, empty: str = "Nothing to show.") -> "Paging":
        """The paging of a service's page (items, total, offset); `empty` when it has none."""
        if not page.total:
            return cls(label=empty)
        last = page.offset + len(page.items)
        return cls(
            label=f"{page.offset + 1}-{last} of {page.total}",
            has_previous=page.offset > 0,
            has_next=last < page.total,
        )


def pager(paging: Paging, turn: Callable[[int], rx.event.EventSpec]) -> rx.Component:
    """Previous, where the list is, Next; `turn(step)` is the event of a step of -1 or 1."""
    return rx.hstack(
        rx.button("Previous", on_click=turn(-1), disabled=~paging.has_previous, variant="soft"),
        rx.text(paging.label, size="2"),
        rx.button("Next", on_click=turn(1), disabled=~paging.has_next, variant="soft"),
        align="center",
    )
