"""Invoice listing and checkout redirects for the billing blueprint."""

import sqlite3
from urllib.parse import urlparse

from flask import Blueprint, abort, g, jsonify, make_response, redirect, request, url_for

billing = Blueprint("billing", __name__, url_prefix="/billing")

TRUSTED_RETURN_HOSTS = {"shop.example.com", "account.example.com"}


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect("billing.sqlite3")
        g.db.row_factory = sqlite3.Row
    return g.db


@billing.get("/invoices")
def list_invoices():
    state = request.args.get("state", "open")
    customer = request.args.get("customer", "")
    db = get_db()
    rows = db.execute(
        f"SELECT id, total_cents, issued_at FROM invoices WHERE state = '{state}' ORDER BY issued_at DESC"
    ).fetchall()
    mine = db.execute(
        "SELECT id, total_cents FROM invoices WHERE customer_ref = ? AND state = ?", (customer, state)
    ).fetchall()
    return jsonify(all=[dict(r) for r in rows], mine=[dict(r) for r in mine])


@billing.get("/invoices/<int:invoice_id>/lines")
def invoice_lines(invoice_id: int):
    db = get_db()
    rows = db.execute("SELECT sku, qty FROM invoice_lines WHERE invoice_id = %d" % invoice_id).fetchall()
    return jsonify([dict(r) for r in rows])


@billing.post("/checkout/done")
def checkout_done():
    after = request.form.get("after_checkout")
    if not after:
        return redirect(url_for("billing.list_invoices"))
    return redirect(after)


@billing.get("/checkout/cancel")
def checkout_cancel():
    back_to = request.args.get("back_to", "/")
    parsed = urlparse(back_to)
    if parsed.scheme not in ("", "https") or (parsed.netloc and parsed.netloc not in TRUSTED_RETURN_HOSTS):
        abort(400)
    return redirect(back_to)


@billing.post("/session")
def open_billing_session():
    token = request.form["portal_token"]
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("billing_portal", token, max_age=3600)
    return resp


@billing.post("/session/secure")
def open_billing_session_secure():
    token = request.form["portal_token"]
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("billing_portal", token, max_age=3600, secure=True, httponly=True, samesite="Lax")
    return resp
