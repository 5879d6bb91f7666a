"""Reaching the cluster's web hosts: through the proxy (which host served?) or one directly."""

import httpx
from playwright.sync_api import Page, Response

from support.browser import PASSWORD
from support.cluster.cluster import WEB_HOSTS, Cluster
from support.cluster.proxy import WEB_PORT


def web_host_of(response: Response | None) -> str:
    """The web host's address that served a page through the proxy (its X-Upstream header)."""
    assert response is not None
    return response.headers["x-upstream"].split(",")[-1].strip().rsplit(":", 1)[0]


def sign_in_directly(cluster: Cluster, address: str, email: str) -> httpx.Client:
    """A REST client talking to one web host (not through the proxy), signed in as `email`."""
    client = httpx.Client(base_url=f"http://{address}:{WEB_PORT}", timeout=30)
    answer = client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    answer.raise_for_status()
    client.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"
    return client


def other_web_host(cluster: Cluster, address: str) -> str:
    """The web host that is not at `address`."""
    others = [cluster.host(name).address for name in WEB_HOSTS]
    others.remove(address)
    return others[0]


def open_page(page: Page, url: str) -> str:
    """Go to `url` through the proxy; the address of the web host that served it."""
    return web_host_of(page.goto(url))
