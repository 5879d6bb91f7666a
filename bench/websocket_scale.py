"""Websocket scale: 100, 500 and 1,000 simulated browser tabs on one Reflex backend process:
memory per tab and the round trip of a cheap event.

The whole platform runs as `make run` starts it, with one backend process (WEB_WORKERS=1). Each
simulated tab (bench/reflex_client.py) is a python-socketio client speaking Reflex's protocol
as the compiled frontend does: it connects to /_event with a token of its own and the hydrate
event in the CONNECT packet, on the home page. The cheap event is the editor's `set_filename` (a
public handler that changes one var), matched to its delta by the file name it sets.

Memory is the resident set (psutil RSS) of the backend's processes, and the Redis memory of the
run's own db (MEMORY USAGE of its keys: the per-tab states live there), each after the tabs
connect minus a baseline of a few warm tabs, divided by the tabs added. Round trips are
measured twice at each level: one event at a time from tabs in turn (`sequential`), and every
tab sending one event at once (`burst`).

    .venv/bin/python -m bench.websocket_scale [--levels 100 500 1000] [--samples 200]
"""

import argparse
import asyncio
import re
import resource
import time

import aiohttp
import psutil

from bench.harness import bench_services, process_tree, running_platform
from bench.reflex_client import SimulatedTab
from bench.report import flags, print_table, run_benchmark, summarize
from review_app.redis_client import get_redis

WARM_TABS = 10
CONNECT_BATCH = 50


def backend_pid(log: str) -> int:
    """The pid of the web process the launcher started (its children run the backend)."""
    return int(re.search(r"started web \(pid (\d+)\)", log).group(1))


def rss_bytes(pid: int) -> int:
    """Resident memory of a process and its descendants."""
    total = 0
    for process in process_tree(pid):
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def redis_memory() -> int:
    """Bytes the keys of the benchmark's own Redis db take (MEMORY USAGE of each)."""
    redis = get_redis()
    keys = list(redis.scan_iter(count=1000))
    total = 0
    for first in range(0, len(keys), 1000):
        pipeline = redis.pipeline(transaction=False)
        for key in keys[first : first + 1000]:
            pipeline.memory_usage(key)
        total += sum(size or 0 for size in pipeline.execute())
    return total


def raise_file_limit(tabs: int) -> dict[str, int]:
    """Make room for a socket per tab here and in the backend (it inherits the limit)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    needed = tabs * 2 + 1024
    if soft < needed:
        new_soft = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (new_soft, hard))
        return {"soft_before": soft, "soft_now": new_soft}
    return {"soft_before": soft, "soft_now": soft}


async def connect_tabs(tabs: list[SimulatedTab]) -> float:
    """Connect `tabs`, CONNECT_BATCH at a time; seconds taken."""
    started = time.perf_counter()
    for first in range(0, len(tabs), CONNECT_BATCH):
        await asyncio.gather(*(tab.connect() for tab in tabs[first : first + CONNECT_BATCH]))
    return time.perf_counter() - started


async def measure_level(tabs: list[SimulatedTab], samples: int) -> dict[str, list[float]]:
    """Round trips one at a time (tabs in turn), then every tab at once."""
    sequential = [await tabs[number % len(tabs)].round_trip() for number in range(samples)]
    burst = await asyncio.gather(*(tab.round_trip() for tab in tabs))
    return {"sequential": sequential, "burst": list(burst)}


async def scale(url: str, pid: int, levels: list[int], samples: int) -> dict:
    """Grow the population level by level, measuring memory and round trips at each."""
    results = {}
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http:
        tabs = [SimulatedTab(url, http) for _ in range(WARM_TABS)]
        await connect_tabs(tabs)
        await measure_level(tabs, WARM_TABS)
        await asyncio.sleep(2)
        rss_base, redis_base = rss_bytes(pid), redis_memory()
        try:
            for level in levels:
                added = [SimulatedTab(url, http) for _ in range(level - len(tabs))]
                connect_seconds = await connect_tabs(added)
                tabs += added
                await asyncio.sleep(2)
                rss, redis = rss_bytes(pid), redis_memory()
                trips = await measure_level(tabs, samples)
                grown = len(tabs) - WARM_TABS
                results[level] = {
                    "connect_seconds": round(connect_seconds, 2),
                    "backend_rss_mb": round(rss / 2**20, 1),
                    "rss_kb_per_tab": round((rss - rss_base) / grown / 1024, 1),
                    "redis_kb_per_tab": round((redis - redis_base) / grown / 1024, 1),
                    "sequential": summarize(trips["sequential"]),
                    "burst": summarize(trips["burst"]),
                }
                print(f"{level} tabs: {results[level]}", flush=True)
        finally:
            await asyncio.gather(*(tab.close() for tab in tabs), return_exceptions=True)
    return results


def run(args: argparse.Namespace) -> dict:
    files = raise_file_limit(max(args.levels))
    with (
        bench_services() as services,
        running_platform(services, WEB_WORKERS="1", WORKER_CONCURRENCY="1") as platform,
    ):
        pid = backend_pid(platform.log())
        levels = asyncio.run(scale(platform.url, pid, args.levels, args.samples))
    return {"open_files_limit": files, "levels": levels}


def report(results: dict, _args: argparse.Namespace) -> None:
    rows = [
        [
            level,
            result["backend_rss_mb"],
            result["rss_kb_per_tab"],
            result["redis_kb_per_tab"],
            result["sequential"]["p50_ms"],
            result["sequential"]["p99_ms"],
            result["burst"]["p50_ms"],
            result["burst"]["p99_ms"],
        ]
        for level, result in results["levels"].items()
    ]
    columns = ["tabs", "backend RSS MB", "RSS KB/tab", "Redis KB/tab"]
    columns += ["one-at-a-time p50 ms", "p99 ms", "all-at-once p50 ms", "p99 ms"]
    print_table("Websocket scale, one backend process", columns, rows)
    files = results["open_files_limit"]
    if files["soft_now"] != files["soft_before"]:
        print(
            f"raised the open-files soft limit from {files['soft_before']} to {files['soft_now']}"
        )


def main() -> None:
    parser = flags(__doc__)
    parser.add_argument("--levels", type=int, nargs="+", default=[100, 500, 1000])
    parser.add_argument("--samples", type=int, default=200, help="one-at-a-time round trips")
    run_benchmark("websocket_scale", parser, run, report)


if __name__ == "__main__":
    main()
