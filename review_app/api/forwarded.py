"""Behind a trusted proxy (TRUSTED_PROXIES), the scheme is the one the client used.

The proxy terminates TLS and forwards plain HTTP, saying so in X-Forwarded-Proto: redirects
(`/register` to `/register/`) must then send the browser back to https, not to the proxy's
plain hop. Only a trusted peer's header counts; the client address is resolved where it is
used (services.accounts.client_ip).
"""

from starlette.types import ASGIApp, Receive, Scope, Send

from review_app.services.accounts.client_ip import is_trusted_proxy
from review_app.settings import get_settings

SCHEMES = {"http": {"http": "http", "https": "https"}, "websocket": {"http": "ws", "https": "wss"}}


class ForwardedScheme:
    """Sets the request's scheme from a trusted proxy's X-Forwarded-Proto."""

    def __init__(self, app: ASGIApp, trusted: list[str]) -> None:
        self.app = app
        self.trusted = trusted

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in SCHEMES and (scheme := self._forwarded_scheme(scope)):
            scope = {**scope, "scheme": scheme}
        await self.app(scope, receive, send)

    def _forwarded_scheme(self, scope: Scope) -> str | None:
        """The scheme a trusted peer says the client used, for this kind of request."""
        client = scope.get("client")
        if not client or not is_trusted_proxy(client[0], self.trusted):
            return None
        headers = dict(scope["headers"])
        proto = headers.get(b"x-forwarded-proto", b"").decode("latin-1").split(",")[0]
        return SCHEMES[scope["type"]].get(proto.strip().lower())


def with_forwarded_scheme(app: ASGIApp) -> ASGIApp:
    """Reflex's api_transformer hook: wrap the whole app, outermost."""
    return ForwardedScheme(app, get_settings().trusted_proxies)
