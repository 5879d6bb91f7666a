"""A worker's memory across many project reviews: the unique memory (USS) of one Celery worker,
its main process and pool children summed, after each of N project reviews, beside the same
worker's memory idle after start-up and after its first review, in the same run.

Every project holds fresh code (nothing comes from the cache), so each review runs every
analyzer over every file.

    .venv/bin/python -m bench.worker_memory [--reviews 50] [--files 20] [--lines 100]
"""

import argparse
import asyncio
import contextlib
import subprocess

import httpx
import psutil

from bench.harness import api_server, bench_services, celery_workers, process_tree
from bench.project_review import WORKER_PROCESSES, review, upload
from bench.report import flags, print_table, run_benchmark
from bench.sources import source
from bench.workload import sign_up

TARGET_GROWTH = 0.10  # from a warm worker to the last review, memory grows by less than 10%
WARM_AFTER = 5  # reviews after which every analyzer and import has been loaded
MB = 1024 * 1024
PLENTY = "100000/hour"  # limits out of the benchmark's way


def worker_memory_mb(worker: subprocess.Popen) -> float:
    """Unique memory of the worker's processes (shared pages counted nowhere), in MB."""
    total = 0
    for process in process_tree(worker.pid):
        with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
            total += process.memory_full_info().uss
    return round(total / MB, 1)


async def measure(url: str, worker: subprocess.Popen, args: argparse.Namespace) -> list[float]:
    """The worker's memory idle, then after each project review."""
    samples = [worker_memory_mb(worker)]
    async with httpx.AsyncClient(timeout=600) as client:
        user = await sign_up(client, url)
        for number in range(args.reviews):
            seed = (number + 1) * args.files
            files = {
                f"pkg{index % 5}/module_{index}.py": source("python", args.lines, seed + index)
                for index in range(args.files)
            }
            await review(client, user, await upload(client, user, files))
            samples.append(worker_memory_mb(worker))
    return samples


def run(args: argparse.Namespace) -> dict:
    limits = {"RATE_LIMIT_PROJECT": PLENTY, "RATE_LIMIT_PROJECT_REVIEW": PLENTY}
    started: list[subprocess.Popen] = []
    with (
        bench_services("sqlite", **limits) as services,
        api_server(services) as api,
        celery_workers(services, concurrency=WORKER_PROCESSES, started=started),
    ):
        samples = asyncio.run(measure(api.url, started[0], args))
    return {"memory_mb": samples}


def report(results: dict, args: argparse.Namespace) -> None:
    samples = results["memory_mb"]
    checkpoints = sorted({1, WARM_AFTER, 10, 25, len(samples) - 1} & set(range(1, len(samples))))
    warm = samples[min(WARM_AFTER, len(samples) - 1)]
    growth = (samples[-1] - warm) / warm
    print_table(
        f"One worker ({WORKER_PROCESSES} processes) across {args.reviews} project reviews of "
        f"{args.files} files, unique memory in MB",
        ["idle", *[f"after {n}" for n in checkpoints], f"growth {WARM_AFTER}th to last", "< 10%"],
        [[samples[0], *[samples[n] for n in checkpoints], f"{growth:.1%}", growth < TARGET_GROWTH]],
    )


def main() -> None:
    parser = flags(__doc__)
    parser.add_argument("--reviews", type=int, default=50)
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--lines", type=int, default=100)
    run_benchmark("worker_memory", parser, run, report)


if __name__ == "__main__":
    main()
