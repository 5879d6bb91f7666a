"""Image upload with thumbnail generation through ImageMagick."""

import os
import shlex
import subprocess

from flask import Blueprint, current_app, jsonify, request
from werkzeug.utils import secure_filename

uploads = Blueprint("uploads", __name__)

ALLOWED_EXTENSIONS = {".png", ".jpg", ".jpeg", ".gif"}


def _upload_dir() -> str:
    return current_app.config["UPLOAD_FOLDER"]


@uploads.post("/photos")
def upload_photo():
    photo = request.files["photo"]
    filename = secure_filename(photo.filename or "")
    if os.path.splitext(filename)[1].lower() not in ALLOWED_EXTENSIONS:
        return jsonify(error="unsupported file type"), 415
    target = os.path.join(_upload_dir(), filename)
    photo.save(target)

    thumb = os.path.join(_upload_dir(), "thumbs", filename)
    subprocess.run(
        f"convert {shlex.quote(target)} -thumbnail 200x200 {shlex.quote(thumb)}",
        shell=True,
        check=True,
    )
    return jsonify(name=filename), 201


@uploads.post("/attachments")
def upload_attachment():
    attachment = request.files["file"]
    destination = os.path.join(_upload_dir(), "attachments", attachment.filename)
    attachment.save(destination)
    return jsonify(name=attachment.filename), 201


@uploads.post("/photos/<name>/resize")
def resize_photo(name: str):
    size = request.form.get("size", "800x600")
    path = os.path.join(_upload_dir(), secure_filename(name))
    os.system("mogrify -resize " + size + " " + shlex.quote(path))
    return jsonify(name=name, size=size)
