"""A review submitted through one web host reaches a tab connected to the other, live, and one
request id names it in the logs of both web hosts and of the worker host that ran it."""

import uuid

from playwright.sync_api import Page, expect

from review_app.processes import wait_for
from support.browser import register
from support.cluster.clients import direct_url, new_email, open_page, other_web_host, signed_in
from support.cluster.cluster import WEB_HOSTS, WORKER_HOSTS, Cluster
from support.json_logs import messages, of_request

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
    request_id = f"cluster-{uuid.uuid4().hex[:12]}"

    answer = api.post(
        "/api/reviews",
        json={"code": CODE.format(uuid.uuid4().hex), "filename": "run.py"},
        headers={"X-Request-ID": request_id},
    )

    assert answer.status_code == 202, answer.text
    job = page.locator(f'.job-card[data-review-id="{answer.json()["id"]}"]')
    expect(job).to_contain_text("run.py", timeout=30_000)
    expect(job).to_have_attribute("data-status", "completed", timeout=60_000)
    expect(job.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")
    assert page.evaluate("window.__same_page") is True, "the tab reloaded instead of a push"

    def logged(host: str) -> set[str]:  # every line of every host's log is JSON
        role = "web" if host in WEB_HOSTS else "worker"
        return messages(of_request(cluster.run_dir / host / "logs" / f"{role}.log", request_id))

    submitted_on = cluster.web_host_at(other_web_host(cluster, tab_host))
    pushed_on = cluster.web_host_at(tab_host)
    wait_for(  # the push and the task's end race to be written last
        lambda: (
            "review progress pushed to a tab" in logged(pushed_on)
            and any("task ended" in logged(host) for host in WORKER_HOSTS)
        ),
        timeout=30,
        what="the push and the task's end to be logged under the request id",
    )
    assert {"request answered", "review submitted"} <= logged(submitted_on)
    ran_on = [host for host in WORKER_HOSTS if "task ended" in logged(host)]
    assert len(ran_on) == 1, f"the review's task ended on {ran_on}"
