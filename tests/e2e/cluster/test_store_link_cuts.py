"""The link to Redis or PostgreSQL goes down for 10 s: no accepted review is lost, and the open
tab says it is reconnecting, then carries on signed in."""

import time

import httpx
import pytest
from playwright.sync_api import Page, expect

from review_app.processes import wait_for
from support.browser import expect_signed_in, register
from support.cluster.clients import new_email, signed_in
from support.cluster.cluster import LLM_ANSWER, Cluster
from support.llm_server import Reply

CUT_SECONDS = 10
CODE = "def area(r):\n    return 3.14 * r * r  # {}\n"


def submit(api: httpx.Client, mark: str) -> str | None:
    """Send a review; its id if accepted (202), None if refused or unanswered."""
    body = {"code": CODE.format(mark), "filename": f"{mark}.py"}
    try:
        answer = api.post("/api/reviews", json=body, timeout=20)
    except httpx.HTTPError:
        return None
    return answer.json()["id"] if answer.status_code == 202 else None


@pytest.mark.parametrize("store", ["rds", "pg"])
def test_no_accepted_review_is_lost_and_the_tab_reconnects_when_a_store_is_cut_off_for_10_s(
    cluster: Cluster, page: Page, store: str
) -> None:
    email = new_email(f"cut-{store}")
    register(page, cluster.url, email)  # lands on the editor, with its job list
    banner = page.get_by_role("status").filter(has_text="Reconnecting")
    api = signed_in(cluster.url, email)
    cluster.llm.script(Reply(LLM_ANSWER, delay_seconds=4))  # the first review is in flight
    accepted = [submit(api, f"{store}-before")]
    assert accepted[0] is not None

    cluster.network.cut(store)
    try:
        cut_at, number = time.monotonic(), 0
        while time.monotonic() - cut_at < CUT_SECONDS:
            number += 1
            accepted.append(submit(api, f"{store}-during-{number}"))
        expect(banner).to_be_visible()  # the store is still away: the tab says so
    finally:
        cluster.network.mend(store)

    def status(review: str) -> str:
        return api.get(f"/api/reviews/{review}").json()["status"]

    accepted = [review for review in accepted if review is not None]
    wait_for(
        lambda: all(status(review) == "completed" for review in accepted),
        timeout=180,
        what=f"every accepted review ({len(accepted)}) to complete",
    )
    expect(banner).to_be_hidden(timeout=30_000)
    expect_signed_in(page, email)
    newest = page.locator(f'.job-card[data-review-id="{accepted[-1]}"]')
    expect(newest).to_have_attribute("data-status", "completed")  # pushed, or loaded on return
