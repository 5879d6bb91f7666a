"""The multi-host layout measured: support/cluster's seven hosts (nginx with TLS, two web hosts,
two worker hosts, PostgreSQL, Redis with a password), each a network namespace on this machine.

- push: an event published on the Redis host reaches a signed-in tab connected to web host B,
  for a user whose review went in through web host A; beside a raw PUBLISH -> read round trip;
- tabs: N simulated tabs (bench/reflex_client.py) spread over both web hosts, then 10% of them
  send an event at once, round after round: event round trip p50/p99;
- throughput: reviews per minute with 1, 2 and 4 worker processes across the worker hosts
  (1: one process on wrk1; 2: one on each host; 4: two on each), one batch submitted at once;
  first with every host sharing the machine's cores, then with each worker host given
  `--worker-cores` cores per process of its own (a cgroup, support/cluster/cpu_budget.py), as
  worker machines sized for their processes would have: the layout's scaling apart from the
  two cores it runs on here;
- submit: POST /api/reviews through the proxy at 32 concurrent clients with no worker running
  (the queue only grows), beside the bare insert + LPUSH from this machine to the same stores.

Tabs connect to the web hosts directly: nginx sends every connection of one client address to
one web host, and the load generator is one address. Every host shares this machine's cores with
the others and with the load generator, so the numbers are the layout's, not a fleet's.
Needs root (network namespaces) and nginx (`make nginx`).

    .venv/bin/python -m bench.cluster_scale [--tabs 2000] [--rounds 5] [--reviews 24]
"""

import argparse
import asyncio
import random
import tempfile
import time
from pathlib import Path

import aiohttp
import httpx

from bench.harness import BENCH_SETTINGS, process_env
from bench.push_latency import over_websocket, raw_round_trips, user_with_a_review
from bench.reflex_client import SimulatedTab
from bench.report import flags, print_table, ratio, run_benchmark, summarize
from bench.submit_latency import bare_costs, load
from bench.throughput import drain_batch
from bench.websocket_scale import connect_tabs, raise_file_limit
from bench.workload import python_source, sign_up
from support.cluster.clients import direct_url
from support.cluster.cluster import WEB_HOSTS, WORKER_HOSTS, Cluster

# Worker processes in all -> processes on each worker host.
WORKER_LAYOUTS = {1: {"wrk1": 1}, 2: {"wrk1": 1, "wrk2": 1}, 4: {"wrk1": 2, "wrk2": 2}}
ACTING_SHARE = 0.1
SUBMIT_CLIENTS = 32


async def push_across_hosts(cluster: Cluster, events: int) -> dict:
    """A user's review submitted through web host A; its pushes timed to a tab on host B."""
    web_a, web_b = (direct_url(cluster.host(name).address) for name in WEB_HOSTS)
    user, review_id = await user_with_a_review(web_a, cluster.redis.url)
    websocket = await over_websocket(web_b, user, review_id, events)
    return {
        "publish_to_tab": summarize(websocket["samples"]),
        "tabs_without_pushes": websocket["tabs_without_pushes"],
        "raw_pubsub_round_trip": summarize(raw_round_trips(cluster.redis.url, events)),
    }


async def tabs_acting(cluster: Cluster, tabs: int, rounds: int) -> dict:
    """`tabs` tabs over both web hosts; round trips when a tenth of them act at once."""
    urls = [direct_url(cluster.host(name).address) for name in WEB_HOSTS]
    acting = max(1, round(tabs * ACTING_SHARE))
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as http:
        population = [SimulatedTab(urls[number % len(urls)], http) for number in range(tabs)]
        try:
            connect_seconds = await connect_tabs(population)
            one_at_a_time = [await tab.round_trip() for tab in population[:acting]]
            at_once: list[float] = []
            for number in range(rounds):
                chosen = random.Random(number).sample(population, acting)
                at_once += await asyncio.gather(*(tab.round_trip() for tab in chosen))
        finally:
            await asyncio.gather(*(tab.close() for tab in population), return_exceptions=True)
    return {
        "tabs": tabs,
        "acting_at_once": acting,
        "connect_seconds": round(connect_seconds, 1),
        "one_at_a_time": summarize(one_at_a_time),
        "at_once": summarize(at_once),
    }


def throughput(cluster: Cluster, reviews: int, lines: int, cores_each: float | None) -> dict:
    """The same kind of batch drained by each worker layout, timed first POST to last event;
    with `cores_each`, every worker host has that many cores per process of its own."""
    web = direct_url(cluster.host("web1").address)
    results = {}
    for processes, per_host in WORKER_LAYOUTS.items():
        cluster.run_workers(per_host, cores_each)
        codes = [python_source(lines, seed) for seed in range(reviews)]
        batch = asyncio.run(drain_batch(web, cluster.redis.url, codes))
        results[processes] = {
            "hosts": per_host,
            "reviews": reviews,
            "failed": batch["failed"],
            "seconds": round(batch["wall"], 2),
            "reviews_per_minute": round(reviews / batch["wall"] * 60, 1),
            "submit_to_completed": summarize(batch["latencies"]),
        }
        print(f"{processes} worker processes: {results[processes]}", flush=True)
    return results


async def submit_through_proxy(cluster: Cluster, requests: int, warmup: int, lines: int) -> dict:
    """POSTs through nginx at SUBMIT_CLIENTS at once, no worker running; then the bare cost."""
    for name in WORKER_HOSTS:
        cluster.roles[name].stop()
    limits = httpx.Limits(max_connections=SUBMIT_CLIENTS * 2)
    async with httpx.AsyncClient(timeout=120, limits=limits, verify=False) as client:  # noqa: S501
        user = await sign_up(client, cluster.url)
        await load(client, user, 4, [python_source(lines, seed) for seed in range(warmup)])
        codes = [python_source(lines, seed) for seed in range(requests)]
        latencies, wall = await load(client, user, SUBMIT_CLIENTS, codes)
    bare = bare_costs(user.id, [python_source(lines, seed) for seed in range(requests)])
    return {
        "clients": SUBMIT_CLIENTS,
        "through_proxy": summarize(latencies),
        "requests_per_second": round(len(latencies) / wall, 1),
        "bare": {name: summarize(samples) for name, samples in bare.items()},
    }


def run(args: argparse.Namespace) -> dict:
    """Start the cluster once and take every measurement on it, then stop it."""
    files = raise_file_limit(args.tabs)  # before the hosts start: they inherit it
    run_dir = Path(tempfile.mkdtemp(prefix="review_app_cluster_bench_"))
    cluster = Cluster(run_dir, settings=BENCH_SETTINGS)
    started = time.monotonic()
    try:
        cluster.start()
        stores = {"REDIS_URL": cluster.redis.url, "DATABASE_URL": cluster.postgres.url}
        with process_env(stores):
            results = {
                "cluster_start_seconds": round(time.monotonic() - started, 1),
                "open_files_limit": files,
                "push": asyncio.run(push_across_hosts(cluster, args.events)),
                "tabs": asyncio.run(tabs_acting(cluster, args.tabs, args.rounds)),
                "throughput": throughput(cluster, args.reviews, args.lines, None),
                "worker_cores": args.worker_cores,
                "throughput_own_cores": throughput(
                    cluster, args.reviews, args.lines, args.worker_cores
                ),
                "submit": asyncio.run(
                    submit_through_proxy(cluster, args.requests, args.warmup, args.submit_lines)
                ),
            }
    except BaseException:
        print(f"the benchmark failed; the hosts' logs are in {run_dir}", flush=True)
        raise
    finally:
        cluster.stop()
    return results


def report(results: dict, _args: argparse.Namespace) -> None:
    """One table per measurement."""
    push = results["push"]
    rows = [
        ["publish -> tab on the other web host", *_percentiles(push["publish_to_tab"])],
        ["bare: raw PUBLISH -> read", *_percentiles(push["raw_pubsub_round_trip"])],
    ]
    print_table("Push across hosts", ["", "n", "p50 ms", "p95 ms", "p99 ms"], rows)

    tabs = results["tabs"]
    rows = [
        [f"one at a time ({tabs['tabs']} tabs open)", *_percentiles(tabs["one_at_a_time"])],
        [f"{tabs['acting_at_once']} tabs at once", *_percentiles(tabs["at_once"])],
    ]
    title = f"Event round trip, {tabs['tabs']} tabs over two web hosts"
    print_table(title, ["", "n", "p50 ms", "p95 ms", "p99 ms"], rows)

    columns = ["worker processes", "hosts", "reviews", "failed", "reviews/min", "vs one"]
    title = "Review throughput across worker hosts, every host sharing the machine's cores"
    print_table(title, columns, _throughput_rows(results["throughput"]))
    title = f"... each worker host with {results['worker_cores']} cores per process of its own"
    print_table(title, columns, _throughput_rows(results["throughput_own_cores"]))

    submit = results["submit"]
    bare = submit["bare"]["insert+lpush"]
    rows = [
        [
            f"POST through the proxy, {submit['clients']} clients",
            *_percentiles(submit["through_proxy"]),
            ratio(submit["through_proxy"]["p50_ms"], bare["p50_ms"]),
        ],
        ["bare insert + LPUSH", *_percentiles(bare), ""],
    ]
    columns = ["", "n", "p50 ms", "p95 ms", "p99 ms", "p50 / bare p50"]
    print_table(f"Submit ({submit['requests_per_second']} req/s)", columns, rows)


def _throughput_rows(layouts: dict) -> list[list]:
    one = layouts[min(layouts, key=int)]["reviews_per_minute"]
    return [
        [
            processes,
            " + ".join(f"{host} x{count}" for host, count in layout["hosts"].items()),
            layout["reviews"],
            layout["failed"],
            layout["reviews_per_minute"],
            ratio(layout["reviews_per_minute"], one),
        ]
        for processes, layout in layouts.items()
    ]


def _percentiles(summary: dict) -> list[float]:
    return [summary["n"], summary["p50_ms"], summary["p95_ms"], summary["p99_ms"]]


def main() -> None:
    parser = flags(__doc__)
    parser.add_argument("--tabs", type=int, default=2000, help="tabs over both web hosts")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of 10%% of tabs at once")
    parser.add_argument("--events", type=int, default=200, help="pushes timed")
    parser.add_argument("--reviews", type=int, default=48, help="files in each batch")
    parser.add_argument("--lines", type=int, default=300, help="lines of each batch file")
    parser.add_argument(
        "--worker-cores", type=float, default=0.3, help="cores per worker process, second pass"
    )
    parser.add_argument("--requests", type=int, default=300, help="POSTs timed")
    parser.add_argument("--warmup", type=int, default=30, help="POSTs before timing")
    parser.add_argument("--submit-lines", type=int, default=50, help="lines of each POSTed file")
    run_benchmark("cluster_scale", parser, run, report)


if __name__ == "__main__":
    main()
