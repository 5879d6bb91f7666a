"""Reflex's own upload route refuses what it cannot serve with a 4xx that echoes nothing sent:
an upload to a handler that takes no files was a 500 (issue 14, item 8)."""

import uuid

import httpx

from review_app.api.reflex_routes import NOT_AN_UPLOAD_HANDLER
from review_app.pages.editor import EditorState
from support.platform import RunningPlatform

FORM = (
    b'--edge\r\nContent-Disposition: form-data; name="files"; filename="a.py"\r\n'
    b"Content-Type: text/x-python\r\n\r\nx = 1\n\r\n--edge--\r\n"
)


def _upload_to(platform: RunningPlatform, handler: str) -> httpx.Response:
    headers = {
        "reflex-client-token": str(uuid.uuid4()),
        "reflex-event-handler": handler,
        "content-type": "multipart/form-data; boundary=edge",
    }
    return httpx.post(f"{platform.url}/_upload", content=FORM, headers=headers, timeout=30)


def test_an_upload_to_a_handler_that_takes_no_files_is_refused(platform: RunningPlatform) -> None:
    refused = _upload_to(platform, f"{EditorState.get_full_name()}.set_code")
    assert refused.status_code == 400
    assert refused.json() == {"detail": NOT_AN_UPLOAD_HANDLER}


def test_an_unknown_handler_is_refused_without_echoing_its_name(
    platform: RunningPlatform,
) -> None:
    name = "<script>alert(1)</script>"
    refused = _upload_to(platform, name)
    assert refused.status_code == 400
    assert name not in refused.text
    assert "alert" not in refused.text
