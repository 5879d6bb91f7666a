"""Every response of the running platform says what a browser may do with it (issue 14)."""

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest

from support.platform import WEB_DIR, RunningPlatform

ASSETS = Path(WEB_DIR) / "build" / "client" / "assets"

PAGES = ["/", "/admin", "/no-such-page"]  # /admin answers with a redirect to /admin/
RESOURCES = ["/healthz", "/api/reviews", "/favicon.ico"]  # API route, API error, static file


class _InlineScripts(HTMLParser):
    """The text of each inline <script> of a page, as the browser's parser hands it over."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.texts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "script":
            self._in_script = True
            self.texts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = self._in_script and tag != "script"

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.texts[-1] += data


def _inline_script_hashes(html: str) -> set[str]:
    parser = _InlineScripts()
    parser.feed(html)
    return {
        f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"
        for text in parser.texts
        if text
    }


def _policy(response: httpx.Response) -> dict[str, str]:
    """The Content-Security-Policy as directive -> value."""
    policy = response.headers["content-security-policy"]
    return dict(part.strip().partition(" ")[::2] for part in policy.split(";"))


def _get(platform: RunningPlatform, path: str, **headers: str) -> httpx.Response:
    return platform.get(path, headers=headers, follow_redirects=True)


@pytest.mark.parametrize("path", PAGES + RESOURCES)
def test_no_response_may_be_framed_sniffed_or_leak_its_address(
    platform: RunningPlatform, path: str
) -> None:
    response = _get(platform, path)

    assert _policy(response)["frame-ancestors"] == "'none'"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers.get_list("server") == ["review_app"]
    assert "strict-transport-security" not in response.headers  # plain http: no HSTS promise


@pytest.mark.parametrize("path", PAGES)
def test_a_page_runs_scripts_of_this_origin_and_its_own_inline_scripts_only(
    platform: RunningPlatform, path: str
) -> None:
    response = _get(platform, path)
    policy = _policy(response)

    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-encoding"] == "gzip"
    own, *hashes = policy["script-src"].split()
    assert own == "'self'"
    assert set(hashes) == _inline_script_hashes(response.text)
    assert len(hashes) >= 3  # React Router's context, its module loader, the colour mode
    assert policy["default-src"] == "'self'"
    assert policy["object-src"] == policy["base-uri"] == "'none'"


def test_a_page_allows_the_same_scripts_compressed_or_not(platform: RunningPlatform) -> None:
    compressed = _get(platform, "/", **{"accept-encoding": "gzip"})
    plain = _get(platform, "/", **{"accept-encoding": "identity"})

    assert compressed.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain.headers
    assert compressed.text == plain.text
    assert _policy(compressed) == _policy(plain)


@pytest.mark.parametrize("path", RESOURCES)
def test_anything_but_a_page_runs_nothing_when_opened_by_itself(
    platform: RunningPlatform, path: str
) -> None:
    policy = _policy(_get(platform, path))

    assert policy["default-src"] == "'none'"
    assert "sandbox" in policy


def test_a_worker_script_of_any_size_arrives_whole_under_the_page_policy(
    platform: RunningPlatform,
) -> None:
    worker = max(ASSETS.glob("*.worker-*.js"), key=lambda f: f.stat().st_size)
    response = _get(platform, f"/assets/{worker.name}", **{"accept-encoding": "identity"})

    assert response.content == worker.read_bytes()
    assert len(response.content) > 1_000_000
    assert _policy(response)["script-src"] == "'self'"
    assert _policy(response)["worker-src"] == "'self'"


def test_a_cached_page_keeps_its_own_policy_when_revalidated(platform: RunningPlatform) -> None:
    etag = _get(platform, "/").headers["etag"]
    response = _get(platform, "/", **{"if-none-match": etag})

    assert response.status_code == 304
    assert "content-security-policy" not in response.headers  # the stored page's stays
    assert response.headers["x-content-type-options"] == "nosniff"


def test_part_of_a_compressed_page_and_a_head_request_are_answered(
    platform: RunningPlatform,
) -> None:
    asked = {"range": "bytes=0-99", "accept-encoding": "gzip"}
    with httpx.stream("GET", f"{platform.url}/", headers=asked, timeout=10) as part:
        first_bytes = b"".join(part.iter_raw())
    head = httpx.head(f"{platform.url}/", timeout=10)

    assert part.status_code == 206
    assert first_bytes.startswith(b"\x1f\x8b")  # the start of the gzip file
    assert len(first_bytes) == 100
    assert _policy(part)["frame-ancestors"] == "'none'"
    assert head.status_code == 200
    assert _policy(head)["frame-ancestors"] == "'none'"
