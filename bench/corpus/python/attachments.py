"""Download endpoints for ticket attachments and public brochures."""

import os

from flask import Blueprint, abort, current_app, request, send_file, send_from_directory
from flask_login import login_required

downloads = Blueprint("downloads", __name__)


def attachment_root() -> str:
    return current_app.config["ATTACHMENT_ROOT"]


@downloads.get("/tickets/<int:ticket_id>/attachment")
@login_required
def ticket_attachment(ticket_id: int):
    name = request.args.get("name")
    if not name:
        abort(400)
    path = os.path.join(attachment_root(), str(ticket_id), name)
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, as_attachment=True)


@downloads.get("/brochures/<path:filename>")
def brochure(filename: str):
    brochures = os.path.join(current_app.static_folder, "brochures")
    return send_from_directory(brochures, filename, max_age=86400)
