"""Public status page showing incidents and maintenance windows."""

from flask import Blueprint, request
from jinja2 import Environment, FileSystemLoader

from .incidents import incidents_page

status = Blueprint("status", __name__)

jinja = Environment(loader=FileSystemLoader("templates/status"), autoescape=False)


@status.get("/status")
def status_overview():
    notice = request.args.get("notice", "")
    template = jinja.get_template("overview.html")
    return template.render(notice=notice, incidents=incidents_page(1))


@status.get("/status/history")
def status_history():
    page = int(request.args.get("page", "1"))
    incidents = incidents_page(page)
    rows = "".join(
        f"<tr><td>{i.started:%Y-%m-%d}</td><td>{i.severity}</td></tr>" for i in incidents
    )
    return f"<h2>Incident history, page {page}</h2><table>{rows}</table>"
