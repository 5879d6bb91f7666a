"""Customer lookup for the support console."""

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.orm import Session

from .database import get_session

router = APIRouter(prefix="/support/customers")
DbSession = Annotated[Session, Depends(get_session)]


class SearchRequest(BaseModel):
    term: str
    include_closed: bool = False


class CustomerSummary(BaseModel):
    id: int
    name: str
    email: str


@router.post("/search", response_model=list[CustomerSummary])
def search_customers(body: SearchRequest, session: DbSession):
    status_clause = "" if body.include_closed else " AND closed_at IS NULL"
    stmt = text(
        "SELECT id, name, email FROM customers "
        f"WHERE name ILIKE '%{body.term}%'{status_clause} ORDER BY name LIMIT 50"
    )
    return [CustomerSummary(**row._mapping) for row in session.execute(stmt)]


@router.get("/by-email", response_model=list[CustomerSummary])
def customers_by_email(email: str, session: DbSession):
    stmt = text("SELECT id, name, email FROM customers WHERE lower(email) = lower(:email)")
    rows = session.execute(stmt.bindparams(email=email))
    return [CustomerSummary(**row._mapping) for row in rows]
