"""A project review end to end with two worker processes, beside the same analyzers run directly
over the folder two at a time (the same parallelism), in the same run.

The project is uploaded as a zip (`POST /api/projects`), then timed from `POST .../reviews` to
the project review reading completed. Directly is each analyzer's own command over the folder
(as `bench.offline_project` runs them), at most two at once. A second project with 5 files
changed is then reviewed as a change against the first, beside a project of those 5 files alone.

    .venv/bin/python -m bench.project_review [--files 100] [--lines 200] [--repeats 2]
"""

import argparse
import asyncio
import io
import statistics
import subprocess
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from bench.harness import api_server, bench_services, celery_workers
from bench.offline_project import direct_commands, write_project
from bench.report import Stopwatch, flags, ms, print_table, ratio, run_benchmark
from bench.sources import source
from bench.workload import ApiUser, sign_up
from review_app.review.rule_pack.engine_rules import EngineRuleFiles
from review_app.review.rule_pack.loader import default_rule_pack

TARGET_SPEED = 0.8  # the project review at no less than 0.8x the speed of the direct run
TARGET_CHANGE = 2.0  # a 5-file change in no more than 2x the time of those 5 files alone
WORKER_PROCESSES = 2
CHANGED_FILES = 5
POLL_SECONDS = 0.1


def zipped(files: dict[str, str]) -> bytes:
    """A zip of `files` (path -> text)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, text in files.items():
            archive.writestr(path, text)
    return buffer.getvalue()


async def upload(client: httpx.AsyncClient, user: ApiUser, files: dict[str, str]) -> str:
    """A new project of `files`; its id."""
    answer = await client.post(
        f"{user.url}/api/projects",
        data={"name": "bench"},
        files={"archive": ("bench.zip", zipped(files), "application/zip")},
        headers=user.headers,
    )
    answer.raise_for_status()
    return answer.json()["id"]


async def review(
    client: httpx.AsyncClient, user: ApiUser, project_id: str, base_id: str | None = None
) -> float:
    """Seconds from starting the project review to reading it completed."""
    base = f"{user.url}/api/projects/{project_id}/reviews"
    body = {"base_project_id": base_id} if base_id else None
    started = time.perf_counter()
    answer = await client.post(base, json=body, headers=user.headers)
    answer.raise_for_status()
    review_id = answer.json()["id"]
    while True:
        state = (await client.get(f"{base}/{review_id}", headers=user.headers)).json()
        if state["status"] == "completed":
            return time.perf_counter() - started
        await asyncio.sleep(POLL_SECONDS)


def run_direct(commands: list[list[str]]) -> float:
    """Seconds until every command has finished, at most WORKER_PROCESSES at once."""
    with Stopwatch() as watch, ThreadPoolExecutor(max_workers=WORKER_PROCESSES) as pool:
        list(pool.map(lambda command: subprocess.run(command, capture_output=True), commands))
    return watch.seconds


async def measure(
    url: str, files: list[dict[str, str]], changed: dict[str, str], alone: dict[str, str]
) -> dict:
    """Each project reviewed fresh, then a change to the last, and other files alone."""
    async with httpx.AsyncClient(timeout=600) as client:
        user = await sign_up(client, url)
        fresh = []
        for version in files:
            fresh.append(await review(client, user, await upload(client, user, version)))
        base_id = await upload(client, user, files[-1])
        await review(client, user, base_id)  # the base, as a team's main branch, reviewed
        head = {**files[-1], **changed}
        change = await review(client, user, await upload(client, user, head), base_id)
        by_themselves = await review(client, user, await upload(client, user, alone))
    return {"fresh": fresh, "change": change, "alone": by_themselves}


def run(args: argparse.Namespace) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-project-review-") as root:
        versions = []
        for repeat in range(args.repeats):  # different code each time: nothing is cached
            folder = Path(root) / f"project{repeat}"
            paths = write_project(folder, args.files, args.lines, seed=repeat * args.files)
            versions.append({str(p.relative_to(folder)): p.read_text() for p in paths})
        rule_files = EngineRuleFiles(default_rule_pack)
        commands = direct_commands(folder, paths, rule_files.path("python"))
        run_direct(commands)  # warm the page cache and the tools' first starts
        direct = [run_direct(commands) for _ in range(args.repeats)]
        changed, alone = (
            {
                path: source("python", args.lines, seed + number)
                for number, path in enumerate(sorted(versions[-1])[:CHANGED_FILES])
            }
            for seed in (10_000, 20_000)  # fresh code for each: neither is served from cache
        )
        with (
            bench_services("sqlite") as services,
            api_server(services) as api,
            celery_workers(services, count=1, concurrency=WORKER_PROCESSES),
        ):
            timings = asyncio.run(measure(api.url, versions, changed, alone))
        lines = sum(text.count("\n") for text in versions[-1].values())
    review_s, direct_s = statistics.median(timings["fresh"]), statistics.median(direct)
    return {
        "files": args.files,
        "lines": lines,
        "review_ms": [ms(s) for s in timings["fresh"]],
        "direct_ms": [ms(s) for s in direct],
        "speed_vs_direct": ratio(direct_s, review_s),
        "change_ms": ms(timings["change"]),
        "alone_ms": ms(timings["alone"]),
        "change_vs_alone": ratio(timings["change"], timings["alone"]),
    }


def report(results: dict, _args: argparse.Namespace) -> None:
    review_ms = statistics.median(results["review_ms"])
    direct_ms = statistics.median(results["direct_ms"])
    speed = results["speed_vs_direct"]
    print_table(
        f"Project review with {WORKER_PROCESSES} worker processes, medians",
        [
            "files",
            "lines",
            "review ms",
            "tools direct ms",
            "speed vs direct",
            f">= {TARGET_SPEED}x",
        ],
        [[results["files"], results["lines"], review_ms, direct_ms, speed, speed >= TARGET_SPEED]],
    )
    factor = results["change_vs_alone"]
    print_table(
        f"A change of {CHANGED_FILES} files in that project",
        ["change review ms", "those files alone ms", "change / alone", f"<= {TARGET_CHANGE}x"],
        [[results["change_ms"], results["alone_ms"], factor, factor <= TARGET_CHANGE]],
    )


def main() -> None:
    parser = flags(__doc__)
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--lines", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=2)
    run_benchmark("project_review", parser, run, report)


if __name__ == "__main__":
    main()
