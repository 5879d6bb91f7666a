"""Imports a profile picture from a URL or from the Gravatar service."""

import json
import urllib.request
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form

from .storage import save_avatar

router = APIRouter(prefix="/profile")

MAX_AVATAR_BYTES = 2 * 1024 * 1024


@router.post("/avatar/import")
def import_avatar(user_id: Annotated[int, Form()], image_url: Annotated[str, Form()]):
    with urllib.request.urlopen(image_url, timeout=10) as response:
        image = response.read(MAX_AVATAR_BYTES)
    save_avatar(user_id, image)
    return {"user": user_id, "bytes": len(image)}


@router.post("/avatar/gravatar")
def gravatar_details(user_id: Annotated[int, Form()], username: Annotated[str, Form()]):
    url = "https://en.gravatar.com/profiles.json?" + urlencode({"user": username, "s": 200})
    with urllib.request.urlopen(url, timeout=10) as response:
        profile = json.load(response)
    return {"user": user_id, "display_name": profile.get("displayName")}
