"""Static review of a 1,000-line file of every language (and 100/5,000-line Python files):
submit -> completed, beside the same analyzers run directly in this one process.

End to end is a POST /api/reviews to the completed event on the user's channel (what the
browser waits for), through the REST API (granian), Redis, one Celery worker (concurrency 1) and
SQLite. Directly is `run_static_analysis` (every analyzer of the language, side by side, as the
worker runs them) and `run_review` (analyzers, merging, scoring) on the same text, right after
it, while the worker idles. The stages come from the progress events: queue (POST to the worker
starting), analyzers, finish (merging, scoring, writing the result and its findings).

    .venv/bin/python -m bench.static_review [--languages python go ...] [--sizes 1000]
        [--repeats 3] [--database sqlite|postgresql]
"""

import argparse
import asyncio
import statistics
import time

import httpx

from bench.harness import DATABASES, api_server, bench_services, celery_workers
from bench.report import Stopwatch, flags, ms, print_table, ratio, run_benchmark, summarize
from bench.sources import EXTENSIONS, source
from bench.workload import CompletionWatcher, sign_up, submit
from review_app.review.analyzers.analyzer import SourceFile
from review_app.review.analyzers.static_analysis import run_static_analysis
from review_app.review.models import LLMConfig
from review_app.review.pipeline import run_review
from review_app.services.reviews.submissions import llm_config

STAGES = ("queue", "analyzers", "finish")
LANGUAGES = tuple(EXTENSIONS)
TARGET_P50_SECONDS, TARGET_RATIO = 1.0, 1.3


def stage_split(submitted_at: float, events) -> dict[str, float]:
    """Seconds from submit to the worker starting, in the analyzers, and after them."""
    started = events.stage_at("static_analysis")
    analyzed = events.stage_at("llm") or events.stage_at("merging")  # no LLM: no llm stage
    if started is None or analyzed is None:
        return {}
    return {
        "queue": started - submitted_at,
        "analyzers": analyzed - started,
        "finish": events.finished_at - analyzed,
    }


def direct(language: str, code: str, llm: LLMConfig) -> dict[str, float]:
    """The analyzers, then the whole pipeline without an LLM, on `code` in this process."""
    file = SourceFile(f"bench.{EXTENSIONS[language]}", language, code)
    with Stopwatch() as analyzers:
        run_static_analysis([file])
    with Stopwatch() as pipeline:
        run_review(language, code, llm)
    return {"analyzers_direct": analyzers.seconds, "pipeline_direct": pipeline.seconds}


async def measure(url: str, redis_url: str, codes: dict[tuple[str, int], list[str]]) -> dict:
    """Per file: submitted alone and waited for, then run directly while the worker idles.

    Taking the two side by side, file by file, keeps a busy machine's drift out of the ratio.
    """
    llm = llm_config()
    timings: dict[tuple[str, int], dict[str, list[float]]] = {}
    async with httpx.AsyncClient(timeout=600) as client:
        user = await sign_up(client, url)
        async with CompletionWatcher(redis_url, user.id) as watcher:
            for language in {language for language, _ in codes}:  # warm tools and caches
                name = f"warmup.{EXTENSIONS[language]}"
                warm = await submit(client, user, source(language, 200, 99), name, language)
                await watcher.wait(warm["id"])
                await asyncio.to_thread(direct, language, source(language, 200, 98), llm)
            for (language, lines), texts in codes.items():
                split = timings[(language, lines)] = {}
                for code in texts:
                    submitted_at = time.perf_counter()
                    name = f"bench.{EXTENSIONS[language]}"
                    answer = await submit(client, user, code, name, language)
                    events = await watcher.wait(answer["id"])
                    measured = {
                        "total": events.finished_at - submitted_at,
                        **stage_split(submitted_at, events),
                        **await asyncio.to_thread(direct, language, code, llm),
                    }
                    for key, seconds in measured.items():
                        split.setdefault(key, []).append(seconds)
    return timings


def run(args: argparse.Namespace) -> dict:
    sizes = {(language, lines) for language in args.languages for lines in args.sizes}
    codes = {
        (language, lines): [source(language, lines, seed) for seed in range(args.repeats)]
        for language, lines in sorted(sizes)
    }
    with (
        bench_services(args.database) as services,
        api_server(services) as api,
        celery_workers(services, count=1, concurrency=1),
    ):
        timings = asyncio.run(measure(api.url, services.redis_url, codes))
    results = {}
    for (language, lines), measured in timings.items():
        total = statistics.median(measured["total"])
        analyzers = statistics.median(measured["analyzers_direct"])
        results[f"{language}:{lines}"] = {
            "end_to_end": summarize(measured["total"]),
            "stages_median_ms": {
                stage: ms(statistics.median(measured[stage]))
                for stage in STAGES
                if stage in measured
            },
            "analyzers_direct": summarize(measured["analyzers_direct"]),
            "pipeline_direct": summarize(measured["pipeline_direct"]),
            "ratio_end_to_end_over_analyzers": ratio(total, analyzers),
        }
    return {"sizes": results}


def report(results: dict, _args: argparse.Namespace) -> None:
    rows = []
    for key, result in results["sizes"].items():
        stages = result["stages_median_ms"]
        p50 = result["end_to_end"]["p50_ms"]
        meets = p50 <= TARGET_P50_SECONDS * 1000 and (
            result["ratio_end_to_end_over_analyzers"] <= TARGET_RATIO
        )
        rows.append(
            [
                key,
                result["end_to_end"]["n"],
                p50,
                stages.get("queue", ""),
                stages.get("analyzers", ""),
                stages.get("finish", ""),
                result["analyzers_direct"]["p50_ms"],
                result["pipeline_direct"]["p50_ms"],
                result["ratio_end_to_end_over_analyzers"],
                "yes" if meets else "no",
            ]
        )
    columns = ["language:lines", "n", "e2e p50 ms", "queue", "in worker: analyzers", "finish"]
    columns += ["direct analyzers ms", "direct pipeline ms", "e2e / direct"]
    columns += [f"p50<={TARGET_P50_SECONDS:g}s, <={TARGET_RATIO}x"]
    print_table("Static review, submit -> completed (medians)", columns, rows)


def main() -> None:
    parser = flags(__doc__)
    parser.add_argument("--languages", nargs="+", choices=LANGUAGES, default=list(LANGUAGES))
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--repeats", type=int, default=3, help="files of each size")
    parser.add_argument("--database", choices=DATABASES, default="sqlite")
    run_benchmark("static_review", parser, run, report)


if __name__ == "__main__":
    main()
