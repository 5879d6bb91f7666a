"""Per-tenant usage metrics for the admin dashboard."""

import sqlite3
from datetime import date, timedelta

from flask import Blueprint, current_app, jsonify, request

metrics = Blueprint("metrics", __name__)


def _connect() -> sqlite3.Connection:
    conn = sqlite3.connect(current_app.config["METRICS_DB"])
    conn.row_factory = sqlite3.Row
    return conn


def _table_for(tenant: str) -> str:
    return "usage_{}".format(tenant.lower())


@metrics.get("/metrics/daily")
def daily_usage():
    tenant = request.headers.get("X-Tenant-Id", "default")
    table = _table_for(tenant)
    since = (date.today() - timedelta(days=30)).isoformat()
    statement = "SELECT day, requests, errors FROM {} WHERE day >= ? ORDER BY day".format(table)
    with _connect() as conn:
        rows = conn.execute(statement, (since,)).fetchall()
    return jsonify([dict(row) for row in rows])


@metrics.get("/metrics/summary")
def usage_summary():
    region = request.args.get("region", "eu")
    # Summary always reads the rolled-up table; the region only labels the response.
    tables = [region, "usage_rollup"]
    with _connect() as conn:
        row = conn.execute(
            f"SELECT SUM(requests) AS requests, SUM(errors) AS errors FROM {tables[1]}"
        ).fetchone()
    return jsonify({"region": region, **dict(row)})
