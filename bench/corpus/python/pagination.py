"""Offset pagination shared by the list endpoints."""

from collections.abc import Sequence
from dataclasses import dataclass
from math import ceil
from typing import Generic, TypeVar

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class Page(Generic[T]):
    items: Sequence[T]
    number: int
    size: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.size))

    @property
    def has_next(self) -> bool:
        return self.number < self.pages

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def clamp_page_size(size: int | None) -> int:
    if size is None or size < 1:
        return DEFAULT_PAGE_SIZE
    return min(size, MAX_PAGE_SIZE)


def offset_for(number: int, size: int) -> int:
    return (max(number, 1) - 1) * size


def paginate(items: Sequence[T], number: int = 1, size: int | None = None) -> Page[T]:
    size = clamp_page_size(size)
    start = offset_for(number, size)
    return Page(
        items=items[start : start + size], number=max(number, 1), size=size, total=len(items)
    )
