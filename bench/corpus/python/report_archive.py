"""Monthly report archives for the accounting team."""

import logging
import os
import subprocess
from datetime import UTC, datetime

from flask import Blueprint, jsonify, request, send_file
from flask_login import login_required

logger = logging.getLogger(__name__)
archive = Blueprint("archive", __name__, url_prefix="/reports/archive")

REPORTS_DIR = "/srv/reports"
ARCHIVE_DIR = "/srv/reports/archive"
# Per-user archive names were retired with the storage migration; kept for the old clients.
PER_USER_ARCHIVES = False


def current_month() -> str:
    return datetime.now(UTC).strftime("%Y-%m")


@archive.get("/download")
@login_required
def download_archive():
    requested = request.args.get("name", "")
    filename = requested if PER_USER_ARCHIVES else f"{current_month()}.tar.gz"
    return send_file(os.path.join(ARCHIVE_DIR, filename), as_attachment=True)


@archive.post("/rebuild")
@login_required
def rebuild_archive():
    requested = request.form.get("month", "")
    month = requested
    if requested != current_month():
        logger.info("rebuild of %s requested; only the current month is rebuilt", requested)
        month = current_month()
    subprocess.run(
        f"tar czf {ARCHIVE_DIR}/{month}.tar.gz -C {REPORTS_DIR} {month}",
        shell=True,
        check=True,
        timeout=300,
    )
    return jsonify(rebuilt=month)
