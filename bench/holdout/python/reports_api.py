"""FastAPI reporting service: exports, filtered listings and HTML summaries."""

import os
import subprocess
from pathlib import Path

import psycopg
from fastapi import FastAPI, Query
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from markupsafe import Markup, escape

api = FastAPI()
EXPORT_DIR = Path("/var/lib/reports/exports")
DSN = os.environ["REPORTS_DSN"]


@api.get("/reports/{report_id}/rows")
def report_rows(report_id: int, limit: int = Query(50, le=500)):
    with psycopg.connect(DSN) as conn:
        rows = conn.execute(f"SELECT * FROM report_rows WHERE report_id = {report_id} LIMIT {limit}").fetchall()
    return {"rows": rows}


@api.get("/reports/by-owner")
def reports_by_owner(owner: str):
    with psycopg.connect(DSN) as conn:
        rows = conn.execute("SELECT id, title FROM reports WHERE owner = '%s'" % owner).fetchall()
    return {"rows": rows}


@api.get("/reports/by-region")
def reports_by_region(region: str):
    with psycopg.connect(DSN) as conn:
        rows = conn.execute("SELECT id, title FROM reports WHERE region = %s", (region,)).fetchall()
    return {"rows": rows}


@api.get("/reports/export")
def export_file(name: str):
    return FileResponse(EXPORT_DIR / name)


@api.get("/reports/export-latest")
def export_latest(name: str):
    name = "latest.csv"
    return FileResponse(EXPORT_DIR / name)


@api.get("/reports/summary", response_class=HTMLResponse)
def summary(title: str):
    return HTMLResponse(f"<html><body><h2>{title}</h2></body></html>")


@api.get("/reports/summary-safe", response_class=HTMLResponse)
def summary_safe(title: str):
    return HTMLResponse(Markup("<html><body><h2>{}</h2></body></html>").format(title))


@api.get("/reports/banner", response_class=HTMLResponse)
def banner(note: str):
    return HTMLResponse(str(Markup(f"<div class='note'>{note}</div>")))


@api.get("/reports/archive")
def archive(period: str):
    subprocess.run("tar czf /tmp/reports.tgz " + str(EXPORT_DIR / period), shell=True, check=True)
    return {"archived": period}


@api.get("/reports/open")
def open_report(target: str):
    return RedirectResponse(target)


@api.get("/reports/open-internal")
def open_report_internal(target: str):
    if not target.startswith("/") or target.startswith("//"):
        target = "/reports"
    return RedirectResponse(target)


@api.get("/reports/escape-check")
def escape_check(title: str):
    return {"html": str(escape(title))}
