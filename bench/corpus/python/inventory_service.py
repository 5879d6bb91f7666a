"""Stock levels and reservations for the warehouse service."""

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .models import StockItem


class OutOfStockError(Exception):
    """Raised when a reservation asks for more units than are available."""


def stock_for(session: Session, *, sku: str) -> int:
    item = session.scalar(select(StockItem).where(StockItem.sku == sku))
    return 0 if item is None else item.available


def low_stock(session: Session, *, threshold: int = 5) -> list[StockItem]:
    query = select(StockItem).where(StockItem.available <= threshold).order_by(StockItem.sku)
    return list(session.scalars(query))


def reserve(session: Session, *, sku: str, quantity: int) -> int:
    result = session.execute(
        update(StockItem)
        .where(StockItem.sku == sku, StockItem.available >= quantity)
        .values(available=StockItem.available - quantity)
        .returning(StockItem.available)
    )
    remaining = result.scalar_one_or_none()
    if remaining is None:
        raise OutOfStockError(sku)
    return remaining
