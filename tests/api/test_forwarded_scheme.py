"""Behind the TLS proxy (TRUSTED_PROXIES), a redirect keeps the browser on https."""

import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import RedirectResponse
from starlette.routing import Route

from review_app.api.forwarded import ForwardedScheme

PROXY = "10.20.30.2"


def _slash_redirecting_app() -> Starlette:
    """Like Reflex's pages: `/register` redirects to `/register/`, built from the request."""

    async def register(request):
        return RedirectResponse(str(request.url.replace(path="/register/")), status_code=307)

    return Starlette(routes=[Route("/register", register)])


@pytest.mark.parametrize(
    ("peer", "trusted", "location"),
    [
        (PROXY, [PROXY], "https://review.example.org/register/"),
        (PROXY, ["10.20.30.0/24"], "https://review.example.org/register/"),
        ("203.0.113.9", [PROXY], "http://review.example.org/register/"),
        (PROXY, [], "http://review.example.org/register/"),
    ],
)
async def test_only_a_trusted_proxy_says_the_client_came_over_https(
    peer: str, trusted: list[str], location: str
) -> None:
    app = ForwardedScheme(_slash_redirecting_app(), trusted)
    transport = httpx.ASGITransport(app=app, client=(peer, 40000))
    async with httpx.AsyncClient(
        transport=transport, base_url="http://review.example.org"
    ) as client:
        answer = await client.get("/register", headers={"X-Forwarded-Proto": "https"})

    assert answer.status_code == 307
    assert answer.headers["location"] == location
