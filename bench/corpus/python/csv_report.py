"""Writes the weekly sales summary that finance imports into their spreadsheet."""

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

COLUMNS = ("week_start", "region", "orders", "revenue", "average_order")


@dataclass(frozen=True)
class WeeklySales:
    week_start: date
    region: str
    orders: int
    revenue: Decimal

    @property
    def average_order(self) -> Decimal:
        if self.orders == 0:
            return Decimal("0.00")
        return (self.revenue / self.orders).quantize(Decimal("0.01"))


def write_summary(rows: Iterable[WeeklySales], target: Path) -> int:
    count = 0
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for row in sorted(rows, key=lambda r: (r.week_start, r.region)):
            writer.writerow(
                [row.week_start.isoformat(), row.region, row.orders, row.revenue, row.average_order]
            )
            count += 1
    return count
