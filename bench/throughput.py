"""Review throughput: reviews completed per minute with one worker process and with two.

The same batch (files built alike from the same seeds; a nonce in each keeps them out of the
cache) is submitted at once through the REST API for each worker layout, and timed from the
first POST to the last completed event. A layout "2x1" is two Celery workers of concurrency 1;
"1x2" one worker with two processes.

    .venv/bin/python -m bench.throughput [--reviews 24] [--lines 300] [--layouts 1x1 2x1]
"""

import argparse
import asyncio
import time

import httpx

from bench.harness import DATABASES, api_server, bench_services, celery_workers
from bench.report import flags, print_table, ratio, run_benchmark, summarize
from bench.workload import CompletionWatcher, python_source, sign_up, submit


def layout(text: str) -> tuple[int, int]:
    """ "2x1" -> (2 workers, concurrency 1)."""
    workers, concurrency = text.lower().split("x")
    return int(workers), int(concurrency)


async def drain_batch(url: str, redis_url: str, codes: list[str]) -> dict:
    """Submit every file at once and wait for all of them; wall time and per-review latency."""
    async with httpx.AsyncClient(timeout=600) as client:
        user = await sign_up(client, url)
        async with CompletionWatcher(redis_url, user.id) as watcher:
            started = time.perf_counter()
            answers = await asyncio.gather(*(submit(client, user, code) for code in codes))
            finished = [await watcher.wait(answer["id"]) for answer in answers]
    ends = [events.finished_at for events in finished]
    failed = sum(events.events[-1][1]["status"] != "completed" for events in finished)
    return {
        "wall": max(ends) - started,
        "latencies": [end - started for end in ends],
        "failed": failed,
    }


def run(args: argparse.Namespace) -> dict:
    results = {}
    with bench_services(args.database) as services, api_server(services) as api:
        for text in args.layouts:
            workers, concurrency = layout(text)
            codes = [python_source(args.lines, seed) for seed in range(args.reviews)]
            with celery_workers(services, count=workers, concurrency=concurrency):
                batch = asyncio.run(drain_batch(api.url, services.redis_url, codes))
            results[text] = {
                "workers": workers,
                "concurrency": concurrency,
                "reviews": len(codes),
                "failed": batch["failed"],
                "seconds": round(batch["wall"], 2),
                "reviews_per_minute": round(len(codes) / batch["wall"] * 60, 1),
                "submit_to_completed": summarize(batch["latencies"]),
            }
    return {"layouts": results}


def report(results: dict, args: argparse.Namespace) -> None:
    layouts = results["layouts"]
    first = next(iter(layouts.values()))["reviews_per_minute"]
    rows = [
        [
            text,
            result["reviews"],
            result["failed"],
            result["seconds"],
            result["reviews_per_minute"],
            ratio(result["reviews_per_minute"], first),
            result["submit_to_completed"]["p50_ms"],
        ]
        for text, result in layouts.items()
    ]
    columns = ["workers x processes", "reviews", "failed", "seconds", "reviews/min"]
    columns += ["vs first", "submit->completed p50 ms"]
    print_table(f"Review throughput, {args.lines}-line Python files", columns, rows)


def main() -> None:
    parser = flags(__doc__)
    parser.add_argument("--reviews", type=int, default=24, help="files in the batch")
    parser.add_argument("--lines", type=int, default=300, help="lines of each file")
    parser.add_argument("--layouts", nargs="+", default=["1x1", "2x1"], help="workers x processes")
    parser.add_argument("--database", choices=DATABASES, default="sqlite")
    run_benchmark("throughput", parser, run, report)


if __name__ == "__main__":
    main()
