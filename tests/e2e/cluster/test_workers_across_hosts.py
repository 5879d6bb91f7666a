"""The workers of both worker hosts share a project's review."""

import re

from review_app.processes import wait_for
from support.cluster.clients import new_email, signed_in
from support.cluster.cluster import PROJECT_BATCH_FILES, WORKER_HOSTS, Cluster
from tests.project_archives import zip_of

FILES = 12
BATCH_DONE = re.compile(r"Task review_app\.run_review_batch\[[0-9a-f-]+\] succeeded")


def module(number: int) -> str:
    """A small module with findings of its own (no two files alike: no cache hits)."""
    return (
        f'"""Module {number}."""\nimport os\n\n\n'
        f"def run_{number}(command):\n    return os.system(command + '{number}')\n"
    )


def test_a_project_review_spreads_over_both_worker_hosts(cluster: Cluster) -> None:
    api = signed_in(cluster.url, new_email("grace"), register=True)
    files = {f"pkg/module_{number}.py": module(number) for number in range(FILES)}
    created = api.post(
        "/api/projects",
        data={"name": "spread"},
        files={"archive": ("spread.zip", zip_of(files), "application/zip")},
    )
    assert created.status_code == 201, created.text
    project = created.json()["id"]

    started = api.post(f"/api/projects/{project}/reviews")

    assert started.status_code == 202, started.text
    review = f"/api/projects/{project}/reviews/{started.json()['id']}"
    wait_for(
        lambda: api.get(review).json()["status"] == "completed",
        timeout=180,
        what="the project review to complete",
    )
    detail = api.get(review).json()
    assert detail["files_done"] == FILES
    assert {file["status"] for file in detail["files"]} == {"completed"}
    batches = {name: len(BATCH_DONE.findall(cluster.worker_log(name))) for name in WORKER_HOSTS}
    assert sum(batches.values()) >= FILES // PROJECT_BATCH_FILES, batches
    assert all(done > 0 for done in batches.values()), f"batches done per worker host: {batches}"
