"""Reaching the cluster's web hosts: through the proxy (which host served?) or one directly."""

import uuid

import httpx
from playwright.sync_api import Page, Response

from support.browser import PASSWORD
from support.cluster.cluster import WEB_HOSTS, Cluster
from support.cluster.proxy import WEB_PORT


def web_host_of(response: Response | httpx.Response | None) -> str:
    """The web host's address that answered through the proxy (the last of its X-Upstream
    header: nginx names each host it tried)."""
    assert response is not None
    return response.headers["x-upstream"].split(",")[-1].strip().rsplit(":", 1)[0]


def open_page(page: Page, url: str) -> str:
    """Go to `url` through the proxy; the address of the web host that served it."""
    return web_host_of(page.goto(url))


def other_web_host(cluster: Cluster, address: str) -> str:
    """The web host that is not at `address`."""
    others = [cluster.host(name).address for name in WEB_HOSTS]
    others.remove(address)
    return others[0]


def direct_url(address: str) -> str:
    """A web host's own address, bypassing the proxy."""
    return f"http://{address}:{WEB_PORT}"


def new_email(name: str) -> str:
    """An address no other test uses."""
    return f"{name}-{uuid.uuid4().hex[:8]}@example.com"


def signed_in(base_url: str, email: str, *, register: bool = False) -> httpx.Client:
    """A REST client of `base_url` (the proxy, with its test certificate, or one web host),
    signed in as `email` (registered first if asked)."""
    client = httpx.Client(base_url=base_url, timeout=30, verify=False)  # noqa: S501
    credentials = {"email": email, "password": PASSWORD}
    if register:
        client.post("/api/auth/register", json=credentials).raise_for_status()
    answer = client.post("/api/auth/login", json=credentials)
    answer.raise_for_status()
    client.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"
    return client
