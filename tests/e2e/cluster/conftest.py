"""The cluster (support/cluster): seven hosts in network namespaces, started once for these tests.

`make test-cluster` runs them in a pytest of their own (a plain `pytest` leaves them out, see
tests/e2e/conftest.py): the machine has two cores, and never runs the cluster beside the
single-host platform of the other browser tests.
"""

import json
from collections.abc import Iterator

import pytest

from support.cluster.cluster import Cluster
from tests.conftest import RUN_DIR


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    """Every host up; torn down (namespaces and links too) even when a test fails."""
    running = Cluster(RUN_DIR / "cluster")
    try:
        running.start()
        timings = {name: round(seconds, 1) for name, seconds in running.timings.items()}
        (running.run_dir / "timings.json").write_text(json.dumps(timings))
        print(f"cluster start times (s): {timings}")
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    """The proxy's certificate is made for this run: the browser accepts it."""
    return {**browser_context_args, "ignore_https_errors": True}
