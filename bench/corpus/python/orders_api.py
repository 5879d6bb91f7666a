"""Order history endpoints for the storefront."""

import sqlite3

from flask import Blueprint, abort, current_app, g, jsonify, request

orders = Blueprint("orders", __name__, url_prefix="/api/orders")

SORT_COLUMNS = {
    "newest": "created_at DESC",
    "oldest": "created_at ASC",
    "total": "total_cents DESC",
}


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@orders.get("/")
def list_orders():
    customer = request.args.get("customer", "")
    cur = get_db().cursor()
    cur.execute(
        "SELECT id, status, total_cents, created_at FROM orders "
        f"WHERE customer_email = '{customer}' ORDER BY created_at DESC"
    )
    return jsonify([dict(row) for row in cur.fetchall()])


@orders.get("/<int:order_id>")
def get_order(order_id: int):
    cur = get_db().execute(
        "SELECT id, status, total_cents, created_at FROM orders WHERE id = ?", (order_id,)
    )
    row = cur.fetchone()
    if row is None:
        abort(404)
    return jsonify(dict(row))


@orders.get("/recent")
def recent_orders():
    # Unknown sort keys fall back to the default ordering.
    order_by = SORT_COLUMNS.get(request.args.get("sort", "newest"), SORT_COLUMNS["newest"])
    limit = min(request.args.get("limit", 20, type=int), 100)
    rows = get_db().execute(
        f"SELECT id, status, total_cents FROM orders ORDER BY {order_by} LIMIT ?", (limit,)
    )
    return jsonify([dict(row) for row in rows])
