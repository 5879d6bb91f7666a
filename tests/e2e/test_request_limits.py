"""The running platform caps request bodies on Reflex's own routes as on the API's, and answers
a method an API route does not take with the API's 405, not the web frontend's (issue 14)."""

import uuid
from collections.abc import Iterator

import httpx

from review_app.pages.editor import EditorState
from support.platform import RunningPlatform

UPLOAD_CAP = "265,536"  # MAX_CODE_BYTES (200,000) and MAX_BODY_BYTES (65,536) for the form
BOUNDARY = "capped"
UPLOAD_HEADERS = {
    "reflex-client-token": str(uuid.uuid4()),
    "reflex-event-handler": f"{EditorState.get_full_name()}.upload",
    "content-type": f"multipart/form-data; boundary={BOUNDARY}",
}


def a_file_of(size: int) -> Iterator[bytes]:
    """A multipart form holding one file of `size` bytes, sent in 64 KiB chunks."""
    yield (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="big.py"\r\n'
        "Content-Type: text/x-python\r\n\r\n"
    ).encode()
    for start in range(0, size, 65_536):
        yield b"#" * min(65_536, size - start)
    yield f"\r\n--{BOUNDARY}--\r\n".encode()


def test_an_upload_over_the_cap_is_413_chunked_or_not(platform: RunningPlatform) -> None:
    upload = f"{platform.url}/_upload"
    chunked = httpx.post(upload, content=a_file_of(2_000_000), headers=UPLOAD_HEADERS, timeout=30)
    declared = httpx.post(
        upload, content=b"".join(a_file_of(300_000)), headers=UPLOAD_HEADERS, timeout=30
    )
    assert "content-length" not in chunked.request.headers
    assert "content-length" in declared.request.headers
    for response in (chunked, declared):
        assert response.status_code == 413
        assert response.json() == {"detail": f"The request body is larger than {UPLOAD_CAP} bytes."}


def test_a_post_only_api_route_answers_other_methods_with_405(platform: RunningPlatform) -> None:
    for method in ("GET", "OPTIONS", "PUT"):
        response = httpx.request(method, f"{platform.url}/api/admin/cache/purge", timeout=10)
        assert response.status_code == 405, method
        assert response.headers["allow"] == "POST"
        assert response.json() == {"detail": f"{method} is not allowed here; use POST."}
