"""A review submitted through one web host reaches a tab connected to the other, live."""

import uuid

from playwright.sync_api import Page, expect

from support.browser import register
from support.cluster.clients import direct_url, new_email, open_page, other_web_host, signed_in
from support.cluster.cluster import Cluster

CODE = "import os\n\n\ndef run(command):\n    return os.system(command)  # job {}\n"


def test_a_review_sent_to_web_host_a_is_pushed_to_a_tab_on_web_host_b(
    cluster: Cluster, page: Page
) -> None:
    email = new_email("ada")
    register(page, cluster.url, email)
    tab_host = open_page(page, f"{cluster.url}/editor")
    expect(page.locator(".monaco-editor")).to_be_visible(timeout=30_000)
    page.evaluate("window.__same_page = true")
    api = signed_in(direct_url(other_web_host(cluster, tab_host)), email)

    answer = api.post(
        "/api/reviews", json={"code": CODE.format(uuid.uuid4().hex), "filename": "run.py"}
    )

    assert answer.status_code == 202, answer.text
    job = page.locator(f'.job-card[data-review-id="{answer.json()["id"]}"]')
    expect(job).to_contain_text("run.py", timeout=30_000)
    expect(job).to_have_attribute("data-status", "completed", timeout=60_000)
    expect(job.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")
    assert page.evaluate("window.__same_page") is True, "the tab reloaded instead of a push"
