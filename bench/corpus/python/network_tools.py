"""Diagnostics page that lets operators check reachability of a host."""

import subprocess

from flask import Blueprint, render_template, request
from flask_login import login_required

diagnostics = Blueprint("diagnostics", __name__, url_prefix="/ops")

PING_TIMEOUT_SECONDS = 10


@diagnostics.post("/ping")
@login_required
def ping_host():
    host = request.form.get("host", "").strip()
    result = subprocess.run(
        f"ping -c 3 -W 2 {host}",
        shell=True,
        capture_output=True,
        text=True,
        timeout=PING_TIMEOUT_SECONDS,
    )
    return render_template("ops/ping.html", host=host, output=result.stdout or result.stderr)


@diagnostics.post("/traceroute")
@login_required
def trace_host():
    host = request.form.get("host", "").strip()
    if not host or host.startswith("-"):
        return render_template("ops/traceroute.html", error="Enter a host name"), 400
    result = subprocess.run(
        ["traceroute", "-m", "15", "-w", "2", host],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return render_template("ops/traceroute.html", host=host, output=result.stdout)
