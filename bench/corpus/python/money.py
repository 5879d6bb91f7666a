"""Money amounts in minor units, formatted for invoices and receipts."""

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

MINOR_UNITS = {"EUR": 2, "USD": 2, "GBP": 2, "JPY": 0, "CHF": 2}
SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CHF": "CHF "}


@dataclass(frozen=True)
class Money:
    minor: int
    currency: str

    @classmethod
    def from_decimal(cls, amount: Decimal, currency: str) -> "Money":
        exponent = MINOR_UNITS[currency]
        scaled = (amount * (10**exponent)).quantize(Decimal("1"), rounding=ROUND_HALF_EVEN)
        return cls(int(scaled), currency)

    def __add__(self, other: "Money") -> "Money":
        if other.currency != self.currency:
            raise ValueError(f"cannot add {other.currency} to {self.currency}")
        return Money(self.minor + other.minor, self.currency)

    def as_decimal(self) -> Decimal:
        return Decimal(self.minor).scaleb(-MINOR_UNITS[self.currency])

    def format(self) -> str:
        exponent = MINOR_UNITS[self.currency]
        return f"{SYMBOLS.get(self.currency, '')}{self.as_decimal():,.{exponent}f}"


def split_evenly(total: Money, parts: int) -> list[Money]:
    base, remainder = divmod(total.minor, parts)
    return [Money(base + (1 if i < remainder else 0), total.currency) for i in range(parts)]
