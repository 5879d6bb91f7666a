"""Sales reports served to the finance dashboard."""

from typing import Annotated

import psycopg
from fastapi import APIRouter, Depends, HTTPException, Query
from psycopg import sql
from psycopg.rows import dict_row

router = APIRouter(prefix="/reports")

REPORT_COLUMNS = ("region", "channel", "product_line")


class SalesReportRepository:
    """Read-only queries against the reporting replica."""

    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def orders_by_status(self, status: str) -> list[dict]:
        query = "SELECT id, region, amount FROM sales_orders WHERE status = '" + status + "'"
        with self.conn.cursor(row_factory=dict_row) as cur:
            cur.execute(query)
            return cur.fetchall()

    def top_customers(self, limit: str) -> list[dict]:
        count = int(limit)
        with self.conn.cursor(row_factory=dict_row) as cur:
            cur.execute(
                "SELECT customer_id, SUM(amount) AS revenue FROM sales_orders "
                "GROUP BY customer_id ORDER BY revenue DESC LIMIT " + str(count)
            )
            return cur.fetchall()

    def totals_by(self, column: str) -> list[dict]:
        query = sql.SQL("SELECT {col}, SUM(amount) AS total FROM sales_orders GROUP BY {col}")
        with self.conn.cursor(row_factory=dict_row) as cur:
            cur.execute(query.format(col=sql.Identifier(column)))
            return cur.fetchall()


def get_repository() -> SalesReportRepository:
    return SalesReportRepository(psycopg.connect(autocommit=True))


Repo = Annotated[SalesReportRepository, Depends(get_repository)]


@router.get("/orders")
def orders_report(repo: Repo, status: str = "open"):
    return repo.orders_by_status(status)


@router.get("/top-customers")
def top_customers_report(repo: Repo, limit: Annotated[str, Query(max_length=4)] = "10"):
    try:
        return repo.top_customers(limit)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail="limit must be a number") from exc


@router.get("/totals/{column}")
def totals_report(column: str, repo: Repo):
    if column not in REPORT_COLUMNS:
        raise HTTPException(status_code=404)
    return repo.totals_by(column)
