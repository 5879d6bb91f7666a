"""A web host dies: its tabs move to the other one through the proxy and carry on."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from review_app.processes import wait_for
from support.browser import expect_signed_in, register
from support.cluster.clients import new_email, open_page, other_web_host, signed_in, web_host_of
from support.cluster.cluster import Cluster

CODE = "import pickle\n\n\ndef load(data):\n    return pickle.loads(data)  # {}\n"


def job_card(page: Page, review_id: str):
    """The tab's job card of a review."""
    return page.locator(f'.job-card[data-review-id="{review_id}"]')


@pytest.fixture
def web_host_to_kill(cluster: Cluster) -> Iterator[list[str]]:
    """The test names the web host it kills; it is started again afterwards for the others."""
    killed: list[str] = []
    yield killed
    for name in killed:
        cluster.restart_host(name)


def test_tabs_of_a_killed_web_host_reconnect_to_the_other_signed_in_with_their_jobs(
    cluster: Cluster, page: Page, context: BrowserContext, web_host_to_kill: list[str]
) -> None:
    email = new_email("hedy")
    register(page, cluster.url, email)
    tab_host = open_page(page, f"{cluster.url}/editor")
    second = context.new_page()
    assert open_page(second, f"{cluster.url}/editor") == tab_host
    api = signed_in(cluster.url, email)
    before = api.post("/api/reviews", json={"code": CODE.format("before"), "filename": "a.py"})
    assert before.status_code == 202, before.text
    for tab in (page, second):
        expect(job_card(tab, before.json()["id"])).to_have_attribute(
            "data-status", "completed", timeout=60_000
        )

    web_host_to_kill.append(cluster.web_host_at(tab_host))
    cluster.kill_host(web_host_to_kill[0])
    # nginx sends a GET on to the next host when one fails, never a POST that may have gone
    # out: once a GET of this client lands on the survivor, the proxy has moved it there.
    survivor = other_web_host(cluster, tab_host)
    wait_for(
        lambda: web_host_of(api.get("/healthz")) == survivor,
        timeout=30,
        what="the proxy to send this client to the surviving web host",
    )

    after = api.post("/api/reviews", json={"code": CODE.format("after"), "filename": "b.py"})
    assert after.status_code == 202, after.text
    for tab in (page, second):
        expect(job_card(tab, after.json()["id"])).to_have_attribute(
            "data-status", "completed", timeout=60_000
        )
        expect(job_card(tab, before.json()["id"])).to_be_visible()
        expect_signed_in(tab, email)
    page.get_by_role("link", name="History").click()  # the tab still acts as its user
    expect(page.locator(".history-row")).to_have_count(2)
