"""Stores per-visitor display preferences keyed by the visitor cookie."""

import sqlite3

from flask import Blueprint, current_app, jsonify, request

preferences = Blueprint("preferences", __name__)

DEFAULTS = {"theme": "light", "page_size": 25, "currency": "EUR"}


def _where_visitor(visitor_id: str) -> str:
    return "WHERE visitor_id = '%s'" % visitor_id


def load_preferences(conn: sqlite3.Connection, visitor_id: str) -> dict:
    query = "SELECT theme, page_size, currency FROM preferences " + _where_visitor(visitor_id)
    row = conn.execute(query).fetchone()
    if row is None:
        return dict(DEFAULTS)
    return {"theme": row[0], "page_size": row[1], "currency": row[2]}


@preferences.get("/preferences")
def current_preferences():
    visitor_id = request.cookies.get("visitor", "")
    if not visitor_id:
        return jsonify(DEFAULTS)
    with sqlite3.connect(current_app.config["PREFERENCES_DB"]) as conn:
        return jsonify(load_preferences(conn, visitor_id))


@preferences.put("/preferences")
def save_preferences():
    visitor_id = request.cookies.get("visitor", "")
    body = request.get_json(silent=True) or {}
    theme = "dark" if body.get("theme") == "dark" else "light"
    page_size = max(10, min(int(body.get("page_size", 25)), 100))
    with sqlite3.connect(current_app.config["PREFERENCES_DB"]) as conn:
        conn.execute(
            "INSERT OR REPLACE INTO preferences (visitor_id, theme, page_size, currency) "
            "VALUES (?, ?, ?, ?)",
            (visitor_id, theme, page_size, DEFAULTS["currency"]),
        )
    return jsonify({"theme": theme, "page_size": page_size})
