"""Reporting periods: weeks start on Monday, quarters follow the calendar year."""

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def week_of(day: date) -> Period:
    start = day - timedelta(days=day.weekday())
    return Period(start, start + timedelta(days=6))


def month_of(day: date) -> Period:
    start = day.replace(day=1)
    next_month = (start + timedelta(days=32)).replace(day=1)
    return Period(start, next_month - timedelta(days=1))


def quarter_of(day: date) -> Period:
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    end = month_of(date(day.year, first_month + 2, 1)).end
    return Period(start, end)


def previous_week(day: date) -> Period:
    return week_of(day - timedelta(days=7))
