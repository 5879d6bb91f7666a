"""Quick-quote calculator used by the sales team's spreadsheet add-in."""

import ast
import math

from flask import Blueprint, jsonify, request

calculator = Blueprint("calculator", __name__, url_prefix="/api/calc")

ALLOWED_NAMES = {"pi": math.pi, "ceil": math.ceil, "floor": math.floor, "round": round}


@calculator.get("/evaluate")
def evaluate_expression():
    expression = request.args.get("expr", "0")
    try:
        value = eval(expression, {"__builtins__": {}}, ALLOWED_NAMES)
    except (SyntaxError, NameError, ZeroDivisionError) as exc:
        return jsonify(error=str(exc)), 400
    return jsonify(expr=expression, value=value)


@calculator.post("/discounts")
def parse_discount_table():
    # The add-in posts the table as a Python-style literal, e.g. {"gold": 0.15, "silver": 0.1}
    raw = request.get_data(as_text=True)
    try:
        table = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        return jsonify(error="expected a dict literal"), 400
    if not isinstance(table, dict):
        return jsonify(error="expected a dict literal"), 400
    return jsonify(tiers=sorted(table), count=len(table))
