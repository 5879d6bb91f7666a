"""Background helpers that transcode uploads and build thumbnails."""

import os
import shlex
import subprocess
from pathlib import Path

from flask import Flask, abort, request, send_file
from werkzeug.utils import secure_filename

app = Flask(__name__)
MEDIA_ROOT = Path("/srv/media/uploads")
ALLOWED_PRESETS = {"480p": "854x480", "720p": "1280x720"}


@app.post("/media/transcode")
def transcode():
    source = request.json["source"]
    preset = request.json.get("preset", "720p")
    size = ALLOWED_PRESETS.get(preset, "1280x720")
    cmd = f"ffmpeg -y -i {MEDIA_ROOT / source} -s {size} /tmp/out.mp4"
    subprocess.run(cmd, shell=True, check=True)
    return {"status": "queued"}


@app.post("/media/probe")
def probe():
    source = request.json["source"]
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-show_format", str(MEDIA_ROOT / secure_filename(source))],
        capture_output=True,
        text=True,
    )
    return {"info": result.stdout}


@app.post("/media/thumb")
def thumbnail():
    name = request.form["name"]
    os.system("convert " + name + " -resize 128x128 thumb.png")
    return {"ok": True}


@app.post("/media/thumb-safe")
def thumbnail_quoted():
    name = request.form["name"]
    os.system("convert " + shlex.quote(name) + " -resize 128x128 thumb.png")
    return {"ok": True}


@app.get("/media/raw")
def raw_file():
    wanted = request.args["path"]
    return send_file(os.path.join(MEDIA_ROOT, wanted))


@app.get("/media/download")
def download():
    wanted = request.args["path"]
    target = (MEDIA_ROOT / wanted).resolve()
    if not target.is_relative_to(MEDIA_ROOT.resolve()):
        abort(404)
    return send_file(target)


@app.delete("/media/<name>")
def remove(name: str):
    target = MEDIA_ROOT / secure_filename(name)
    if target.exists():
        target.unlink()
    return {"deleted": target.name}


@app.get("/media/disk-usage")
def disk_usage():
    out = subprocess.check_output("du -sh /srv/media/uploads", shell=True, text=True)
    return {"usage": out.split()[0]}
