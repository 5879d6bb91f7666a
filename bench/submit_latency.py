"""Submit latency: POST /api/reviews at 1, 8 and 32 concurrent clients, beside its bare cost.

The bare cost, measured in the same run, is what a submission must do at the least: one insert
of a review row (its own transaction) and one LPUSH of a Celery-sized message. No worker runs,
so the queue only grows and the CPU is the API's.

    .venv/bin/python -m bench.submit_latency [--requests 300] [--concurrency 1 8 32]
        [--database sqlite|postgresql] [--api-workers 1] [--lines 50]
"""

import argparse
import asyncio
import time
import uuid

import httpx

from bench.harness import DATABASES, api_server, bench_services
from bench.report import Stopwatch, flags, ms, print_table, ratio, run_benchmark, summarize
from bench.workload import ApiUser, python_source, sign_up, submit
from review_app.db import session_scope
from review_app.models import Review
from review_app.redis_client import KEY_PREFIX, get_redis
from review_app.review.cache_key import cache_key
from review_app.services.reviews.submissions import llm_config

CELERY_QUEUE = "celery"
BARE_LIST = f"{KEY_PREFIX}bench:bare-lpush"


async def load(
    client: httpx.AsyncClient, user: ApiUser, concurrency: int, codes: list[str]
) -> tuple[list[float], float]:
    """Send every code with `concurrency` clients at once; per-request latencies and wall time."""
    pending = iter(codes)
    latencies: list[float] = []

    async def one_client() -> None:
        for code in pending:
            started = time.perf_counter()
            await submit(client, user, code)
            latencies.append(time.perf_counter() - started)

    with Stopwatch() as wall:
        await asyncio.gather(*(one_client() for _ in range(concurrency)))
    return latencies, wall.seconds


def bare_costs(user_id: uuid.UUID, codes: list[str]) -> dict[str, list[float]]:
    """Time one review insert (its own commit) and one LPUSH of a real queued message, each code."""
    redis = get_redis()
    message = redis.lindex(CELERY_QUEUE, 0) or "x" * 1500
    llm = llm_config()
    inserts, pushes, both = [], [], []
    for code in codes:
        key = cache_key("python", code, llm)
        with Stopwatch() as insert, session_scope() as session:
            session.add(
                Review(
                    user_id=user_id,
                    language="python",
                    filename="shop.py",
                    code=code,
                    cache_key=key,
                )
            )
        with Stopwatch() as push:
            redis.lpush(BARE_LIST, message)
        inserts.append(insert.seconds)
        pushes.append(push.seconds)
        both.append(insert.seconds + push.seconds)
    redis.delete(BARE_LIST)
    return {"insert": inserts, "lpush": pushes, "insert+lpush": both}


async def run(args: argparse.Namespace) -> dict:
    """Every concurrency level, then the bare cost, against one API server."""
    levels = {}
    with bench_services(args.database) as services:
        with api_server(services, args.api_workers, access_log=True) as api:
            limits = httpx.Limits(max_connections=max(args.concurrency) * 2)
            async with httpx.AsyncClient(timeout=120, limits=limits) as client:
                user = await sign_up(client, api.url)
                codes = [python_source(args.lines, seed) for seed in range(args.warmup)]
                await load(client, user, 4, codes)
                for concurrency in args.concurrency:
                    codes = [python_source(args.lines, seed) for seed in range(args.requests)]
                    served_before = len(api.server_seconds("POST", "/api/reviews"))
                    cpu_before = api.cpu_seconds()
                    latencies, wall = await load(client, user, concurrency, codes)
                    cpu = api.cpu_seconds() - cpu_before
                    served = api.server_seconds("POST", "/api/reviews")[served_before:]
                    levels[concurrency] = {
                        **summarize(latencies),
                        "requests_per_second": round(len(latencies) / wall, 1),
                        "server_side": summarize(served),
                        "server_cpu_ms_per_request": ms(cpu / len(latencies)),
                    }
        codes = [python_source(args.lines, seed) for seed in range(args.requests)]
        cpu_before = time.process_time()
        bare = {name: summarize(samples) for name, samples in bare_costs(user.id, codes).items()}
        bare_cpu = (time.process_time() - cpu_before) / len(codes)
    return {"levels": levels, "bare": bare, "bare_cpu_ms_per_submission": ms(bare_cpu)}


def report(results: dict, _args: argparse.Namespace) -> None:
    """The table: each level beside the bare cost."""
    bare = results["bare"]["insert+lpush"]
    rows = [
        [
            f"{concurrency} clients",
            level["n"],
            level["p50_ms"],
            level["p99_ms"],
            level["server_side"].get("p50_ms", ""),
            level["server_cpu_ms_per_request"],
            level["requests_per_second"],
            ratio(level["p50_ms"], bare["p50_ms"]),
        ]
        for concurrency, level in results["levels"].items()
    ]
    for name, costs in results["bare"].items():
        cpu = results["bare_cpu_ms_per_submission"] if name == "insert+lpush" else ""
        rows.append([f"bare {name}", costs["n"], costs["p50_ms"], costs["p99_ms"], "", cpu, "", ""])
    columns = ["POST /api/reviews", "n", "p50 ms", "p99 ms", "server p50 ms", "CPU ms/req", "req/s"]
    print_table("Submit latency", [*columns, "p50 / bare p50"], rows)


def main() -> None:
    parser = flags(__doc__)
    parser.add_argument("--requests", type=int, default=300, help="per concurrency level")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--warmup", type=int, default=30, help="requests before measuring")
    parser.add_argument("--lines", type=int, default=50, help="lines of each submitted file")
    parser.add_argument("--database", choices=DATABASES, default="sqlite")
    parser.add_argument("--api-workers", type=int, default=1, help="granian worker processes")
    run_benchmark("submit_latency", parser, lambda args: asyncio.run(run(args)), report)


if __name__ == "__main__":
    main()
