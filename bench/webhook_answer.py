"""Webhook answer time: a signed GitHub `pull_request` delivery -> 202 (the run stored and
queued), beside the bare cost of the same server's health check (Redis and the database
pinged), in the same run.

The issue asks for an answer within a second: the review itself runs later, on a worker.

    .venv/bin/python -m bench.webhook_answer [--deliveries 200] [--database sqlite|postgresql]
"""

import argparse
import secrets
import time

import httpx

from bench.harness import DATABASES, api_server, bench_services
from bench.report import flags, print_table, ratio, run_benchmark, summarize
from review_app.db import session_scope
from review_app.services.accounts import users
from review_app.services.accounts.identity import CurrentUser
from review_app.services.integrations.connections import ConnectionRequest, connect
from support.github_standin import OWNER, REPO, PullRequest
from support.github_webhooks import pull_request_event, signed

WEBHOOK_SECRET = secrets.token_hex(16)  # this run's own


def _connect_repository() -> None:
    """An admin connects the repository the example deliveries are about."""
    with session_scope() as session:
        admin = users.create_user(
            session=session,
            email="admin@example.com",
            password=secrets.token_urlsafe(16),
            role="admin",
        )
        actor = CurrentUser.model_validate(admin)
    request = ConnectionRequest(
        host="github",
        repository=f"{OWNER}/{REPO}",
        token=f"github_pat_{secrets.token_hex(20)}",
        webhook_secret=WEBHOOK_SECRET,
    )
    connect(actor=actor, request=request)


def measure(url: str, deliveries: int) -> dict[str, list[float]]:
    """Each delivery's and each health check's round trip, alternating."""
    pull = PullRequest(number=1, base={"a.py": "x = 1\n"}, head={"a.py": "x = 2\n"})
    payload = pull_request_event("opened", pull)
    timings: dict[str, list[float]] = {"webhook": [], "health": []}
    with httpx.Client(base_url=url, timeout=30) as client:
        for _ in range(deliveries):
            body, headers = signed(payload, WEBHOOK_SECRET, "pull_request")
            started = time.perf_counter()
            answer = client.post("/api/integrations/github/webhook", content=body, headers=headers)
            timings["webhook"].append(time.perf_counter() - started)
            if answer.status_code != 202:
                raise RuntimeError(
                    f"the delivery was not queued: {answer.status_code} {answer.text}"
                )
            started = time.perf_counter()
            client.get("/healthz")  # 503 here: no worker runs (the deliveries stay queued)
            timings["health"].append(time.perf_counter() - started)
    return timings


def run(args: argparse.Namespace) -> dict:
    with bench_services(args.database, INTEGRATION_KEY=secrets.token_hex(16)) as services:
        _connect_repository()
        with api_server(services) as api:
            timings = measure(api.url, args.deliveries)
    results = {name: summarize(samples) for name, samples in timings.items()}
    results["webhook_max_ms"] = round(max(timings["webhook"]) * 1000, 1)
    return results


def report(results: dict, args: argparse.Namespace) -> None:
    rows = [
        [name, results[name]["n"], results[name]["p50_ms"], results[name]["p95_ms"]]
        for name in ("webhook", "health")
    ]
    rows.append(
        [
            "webhook / health",
            "",
            ratio(results["webhook"]["p50_ms"], results["health"]["p50_ms"]),
            "",
        ]
    )
    print_table(
        f"GitHub webhook -> 202 ({args.database}); slowest delivery {results['webhook_max_ms']} ms",
        ["request", "n", "p50 ms", "p95 ms"],
        rows,
    )


def main() -> None:
    parser = flags(__doc__)
    parser.add_argument("--deliveries", type=int, default=200)
    parser.add_argument("--database", choices=DATABASES, default="sqlite")
    run_benchmark("webhook_answer", parser, run, report)


if __name__ == "__main__":
    main()
