"""Cache hit: an identical resubmission -> completed, as a fraction of the fresh review.

Each file is submitted fresh and waited for (a real worker reviews it), then submitted again
unchanged: the API completes it from the result cache at once. Both are timed from the POST to
the completed event on the user's channel.

    .venv/bin/python -m bench.cache_hit [--files 5] [--lines 1000] [--database sqlite|postgresql]
"""

import argparse
import asyncio
import statistics
import time

import httpx

from bench.harness import DATABASES, api_server, bench_services, celery_workers
from bench.report import flags, print_table, ratio, run_benchmark, summarize
from bench.workload import ApiUser, CompletionWatcher, python_source, sign_up, submit


async def submit_and_wait(
    client: httpx.AsyncClient, user: ApiUser, watcher: CompletionWatcher, code: str
) -> tuple[float, dict]:
    """Seconds from the POST to the completed event, and the POST's answer."""
    started = time.perf_counter()
    answer = await submit(client, user, code)
    events = await watcher.wait(answer["id"])
    return events.finished_at - started, answer


async def measure(url: str, redis_url: str, codes: list[str]) -> dict[str, list[float]]:
    """Fresh then identical resubmission, file by file."""
    fresh, cached = [], []
    async with httpx.AsyncClient(timeout=600) as client:
        user = await sign_up(client, url)
        async with CompletionWatcher(redis_url, user.id) as watcher:
            await submit_and_wait(client, user, watcher, python_source(100, 99))  # warm-up
            for code in codes:
                seconds, answer = await submit_and_wait(client, user, watcher, code)
                if answer["cached"]:
                    raise RuntimeError("a fresh file came from the cache: vary the code")
                fresh.append(seconds)
                seconds, answer = await submit_and_wait(client, user, watcher, code)
                if not answer["cached"]:
                    raise RuntimeError(f"the resubmission was not a cache hit: {answer}")
                cached.append(seconds)
    return {"fresh": fresh, "cached": cached}


def run(args: argparse.Namespace) -> dict:
    codes = [python_source(args.lines, seed) for seed in range(args.files)]
    with (
        bench_services(args.database) as services,
        api_server(services) as api,
        celery_workers(services, count=1, concurrency=1),
    ):
        timings = asyncio.run(measure(api.url, services.redis_url, codes))
    fractions = [
        hit / fresh for hit, fresh in zip(timings["cached"], timings["fresh"], strict=True)
    ]
    return {
        "fresh": summarize(timings["fresh"]),
        "cached": summarize(timings["cached"]),
        "fraction_median": round(statistics.median(fractions), 4),
        "fraction_per_file": [round(fraction, 4) for fraction in fractions],
    }


def report(results: dict, args: argparse.Namespace) -> None:
    rows = [
        [name, results[name]["n"], results[name]["p50_ms"], results[name]["p95_ms"]]
        for name in ("fresh", "cached")
    ]
    rows.append(["cached / fresh", "", results["fraction_median"], ""])
    rows.append(["fresh / cached", "", ratio(1, results["fraction_median"]), ""])
    print_table(
        f"Cache hit, {args.lines}-line Python file, submit -> completed",
        ["submission", "n", "p50 ms", "p95 ms"],
        rows,
    )


def main() -> None:
    parser = flags(__doc__)
    parser.add_argument("--files", type=int, default=5)
    parser.add_argument("--lines", type=int, default=1000)
    parser.add_argument("--database", choices=DATABASES, default="sqlite")
    run_benchmark("cache_hit", parser, run, report)


if __name__ == "__main__":
    main()
