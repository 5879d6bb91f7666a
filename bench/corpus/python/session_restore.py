"""Restores a guest's shopping basket from the basket cookie."""

import base64
import json
import pickle

from flask import Blueprint, jsonify, make_response, request

basket = Blueprint("basket", __name__, url_prefix="/basket")

COOKIE_NAME = "basket"
SUMMARY_COOKIE = "basket_summary"


def _decode_cookie(value: str) -> bytes:
    return base64.urlsafe_b64decode(value.encode("ascii") + b"==")


@basket.get("/")
def show_basket():
    raw = request.cookies.get(COOKIE_NAME)
    if raw is None:
        return jsonify(items=[])
    items = pickle.loads(_decode_cookie(raw))
    return jsonify(items=[{"sku": item.sku, "qty": item.qty} for item in items])


@basket.get("/summary")
def basket_summary():
    raw = request.cookies.get(SUMMARY_COOKIE)
    summary = json.loads(_decode_cookie(raw)) if raw else {"count": 0, "total": "0.00"}
    return jsonify(count=int(summary.get("count", 0)), total=str(summary.get("total", "0.00")))


@basket.delete("/")
def clear_basket():
    response = make_response("", 204)
    response.delete_cookie(COOKIE_NAME)
    response.delete_cookie(SUMMARY_COOKIE)
    return response
