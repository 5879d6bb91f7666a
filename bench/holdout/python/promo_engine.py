"""Promotion rules and coupon codes for the storefront."""

import ast
import random
import secrets
import string

from fastapi import FastAPI
from pydantic import BaseModel

api = FastAPI()

COUPON_ALPHABET = string.ascii_uppercase + string.digits
OPERATORS = {"double": lambda p: p * 2, "half": lambda p: p / 2}


class RuleIn(BaseModel):
    formula: str
    price: float


class ConstIn(BaseModel):
    literal: str


@api.post("/promo/evaluate")
def evaluate_rule(rule: RuleIn):
    price = rule.price
    return {"result": eval(rule.formula, {"price": price})}


@api.post("/promo/parse-constant")
def parse_constant(body: ConstIn):
    return {"value": ast.literal_eval(body.literal)}


@api.post("/promo/apply/{op}")
def apply_operator(op: str, price: float):
    fn = OPERATORS.get(op)
    if fn is None:
        return {"error": "unknown operator"}
    return {"result": fn(price)}


@api.post("/promo/hook")
def run_hook(body: ConstIn):
    namespace: dict = {}
    exec("def hook(order):\n    " + body.literal, namespace)
    return {"installed": "hook" in namespace}


@api.post("/coupons")
def issue_coupon():
    code = "".join(random.choice(COUPON_ALPHABET) for _ in range(10))
    return {"coupon": code}


@api.post("/coupons/secure")
def issue_coupon_secure():
    code = "".join(secrets.choice(COUPON_ALPHABET) for _ in range(10))
    return {"coupon": code}


@api.get("/promo/banner")
def pick_banner():
    banners = ["spring", "summer", "clearance"]
    return {"banner": random.choice(banners)}


@api.post("/gift-cards/pin")
def gift_card_pin():
    pin = random.randint(100000, 999999)
    return {"pin": pin}


@api.get("/promo/sample")
def sample_products(seed: int = 7):
    rng = random.Random(seed)
    return {"ids": rng.sample(range(1, 500), 5)}
