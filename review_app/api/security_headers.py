"""Security headers on every HTTP response of the one port: pages, static files and API.

Issue 14: another site could frame /admin, nothing asked for nosniff, a referrer policy or a CSP,
and granian named itself. OWASP ASVS 5.0 level 2 (V3.4) sets what each header says.
"""

import base64
import gzip
import hashlib
import re
from collections.abc import Iterable

import anyio
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from review_app.settings import get_settings

# What a page may load: all of it from this origin, websocket included ('self' covers ws: and
# wss: on the same host and port). Inline scripts only by hash, each page's own (added per
# response), and no eval. Inline styles stay: Monaco and emotion (Radix) write <style> elements
# while the page runs, and React's server-rendered markup carries style attributes. Monaco's
# workers are files under /assets, so worker-src needs no blob:.
PAGE_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# Anything else (JSON, images, stylesheets, fonts, errors) is never meant to be a page: opened by
# itself, it runs nothing and may not be framed (ASVS 3.2.1).
RESOURCE_POLICY = (
    "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox"
)
# Content types that get the page policy: documents, and scripts (a worker obeys the policy that
# came with its own script).
PAGE_TYPES = ("text/html", "text/javascript", "application/javascript")

FIXED_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",  # for browsers older than frame-ancestors
    "referrer-policy": "no-referrer",  # review ids in URLs stay here
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=()"
    ),
}
HSTS = "max-age=31536000; includeSubDomains"  # a year, as ASVS 3.4.1 asks
# Granian sends `server: granian` unless the app names a server itself: a name without a version.
SERVER_NAME = "review_app"

INLINE_SCRIPT = re.compile(rb"<script\b[^>]*>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
# Reflex pre-compresses its pages with gzip only (frontend_compression_formats left at its default
# in rxconfig.py); another format there fails every page loudly, in every browser test.
DECODERS = {"": bytes, "identity": bytes, "gzip": gzip.decompress}


def inline_script_hashes(html: bytes) -> list[str]:
    """CSP hash sources of a page's inline scripts, over their text as the browser parses it."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        if text := match.group(1).replace(b"\r\n", b"\n").replace(b"\r", b"\n"):
            digest = base64.b64encode(hashlib.sha256(text).digest()).decode()
            hashes.append(f"'sha256-{digest}'")
    return list(dict.fromkeys(hashes))


def page_policy(script_hashes: Iterable[str] = ()) -> str:
    """The page policy, with `script_hashes` allowed as inline scripts."""
    directives = PAGE_DIRECTIVES | {"script-src": " ".join(["'self'", *script_hashes])}
    return "; ".join(f"{name} {value}" for name, value in directives.items())


class SecurityHeaders:
    """ASGI middleware: the headers on every HTTP response.

    The websocket is left alone: granian sends none of an accept's headers (nor its own name).
    """

    def __init__(self, app: ASGIApp, *, serves_https: bool) -> None:
        self.app = app
        self.headers = FIXED_HEADERS | ({"strict-transport-security": HSTS} if serves_https else {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            send = _HeadedResponse(send, self.headers).send
        await self.app(scope, receive, send)


class _HeadedResponse:
    """One HTTP response on its way out; a page waits for its body, whose scripts the CSP names."""

    def __init__(self, send: Send, headers: dict[str, str]) -> None:
        self.downstream = send
        self.headers = headers
        self.held_start: Message | None = None
        self.body: list[bytes] = []

    async def send(self, message: Message) -> None:
        """Pass `message` on, adding the headers to its start."""
        kind = message["type"]
        if kind == "http.response.start":
            await self._start(message)
        elif self.held_start is None:
            await self.downstream(message)
        elif kind == "http.response.body":
            self.body.append(message.get("body", b""))
            if not message.get("more_body", False):
                page = b"".join(self.body)
                await self._release(page)
                await self.downstream({"type": kind, "body": page})
        elif kind == "http.response.pathsend":  # granian sends the file itself
            await self._release(await anyio.Path(message["path"]).read_bytes())
            await self.downstream(message)
        else:
            await self.downstream(message)

    async def _start(self, message: Message) -> None:
        """Send the start now, unless it starts a whole page: its policy needs the page's body."""
        message["headers"] = list(message.get("headers", []))
        headers = MutableHeaders(scope=message)
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        status = message["status"]
        if status == 304:
            # The browser keeps the stored response's headers: a policy here would replace the
            # page's own (and its script hashes) with one that fits no page.
            _add(headers, self.headers, policy=None)
        elif content_type == "text/html" and status != 206:
            self.held_start = message
            return
        else:
            # A page's part (206) is never shown as a page, and a script's policy binds a worker.
            is_page = content_type in PAGE_TYPES
            _add(headers, self.headers, page_policy() if is_page else RESOURCE_POLICY)
        await self.downstream(message)

    async def _release(self, encoded_page: bytes) -> None:
        """Send the held start, with a policy that allows exactly this page's inline scripts.

        A HEAD request's page has no body, so its policy names no scripts: nothing runs it.
        """
        headers = MutableHeaders(scope=self.held_start)
        page = DECODERS[headers.get("content-encoding", "").strip().lower()](encoded_page)
        _add(headers, self.headers, page_policy(inline_script_hashes(page)))
        await self.downstream(self.held_start)


def _add(headers: MutableHeaders, fixed: dict[str, str], policy: str | None) -> None:
    """Add what the response does not say itself; the server's name is always ours."""
    for name, value in fixed.items():
        headers.setdefault(name, value)
    if policy:
        headers.setdefault("content-security-policy", policy)
    headers["server"] = SERVER_NAME


def with_security_headers(app: ASGIApp) -> ASGIApp:
    """Reflex's api_transformer hook: wrap the whole app (pages, assets, API)."""
    return SecurityHeaders(app, serves_https=get_settings().serves_https)
