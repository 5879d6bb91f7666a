"""Promotion rules that marketing can configure without a deploy."""

from decimal import Decimal

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel

router = APIRouter(prefix="/promotions")

PRICE_FORMULAS = {
    "net": "price - discount",
    "gross": "(price - discount) * (1 + vat_rate)",
    "member": "(price - discount) * (1 + vat_rate) * 0.95",
}


class RuleDefinition(BaseModel):
    name: str
    condition: str


class PriceRequest(BaseModel):
    formula: str
    price: Decimal
    discount: Decimal = Decimal("0")
    vat_rate: Decimal = Decimal("0.2")


class PromotionRule:
    """A named predicate over an order, compiled once when it is saved."""

    def __init__(self, name: str, condition: str) -> None:
        self.name = name
        namespace: dict = {}
        exec(f"def applies(order):\n    return {condition}\n", {}, namespace)
        self.applies = namespace["applies"]


RULES: dict[str, PromotionRule] = {}


@router.post("/rules")
def save_rule(definition: RuleDefinition):
    RULES[definition.name] = PromotionRule(definition.name, definition.condition)
    return {"saved": definition.name, "rules": len(RULES)}


@router.post("/price")
def quote_price(body: PriceRequest):
    expression = PRICE_FORMULAS.get(body.formula)
    if expression is None:
        raise HTTPException(status_code=404, detail="unknown formula")
    values = {"price": body.price, "discount": body.discount, "vat_rate": body.vat_rate}
    total = eval(expression, {"__builtins__": {}}, values)
    return {"formula": body.formula, "total": str(round(total, 2))}
