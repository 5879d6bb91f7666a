"""Every benchmark, one after another, each in a process of its own; then one summary table.

Each benchmark prints its own table as it goes and writes bench/results/<name>.json; the
summary reads those files back. A benchmark that fails is reported, the others still run, and
the command exits with status 1.

    .venv/bin/python -m bench.run_all [--only submit_latency cache_hit] [--skip websocket_scale]
"""

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from bench.report import RESULTS_DIR, flags, print_table, ratio, write_results

BENCHMARKS = [
    "review_quality",
    "submit_latency",
    "static_review",
    "offline_project",
    "project_review",
    "worker_memory",
    "cache_hit",
    "throughput",
    "push_latency",
    "websocket_scale",
    "cluster_scale",
]

Row = list  # measure, p50 (or value), p95/p99, what it stands beside, ratio


def submit_rows(result: dict) -> list[Row]:
    bare = result["bare"]["insert+lpush"]
    return [
        [
            f"POST /api/reviews, {level} clients",
            costs["p50_ms"],
            costs["p99_ms"],
            f"insert+LPUSH {bare['p50_ms']}",
            ratio(costs["p50_ms"], bare["p50_ms"]),
        ]
        for level, costs in result["levels"].items()
    ]


def static_rows(result: dict) -> list[Row]:
    return [
        [
            f"static review, {key}",
            size["end_to_end"]["p50_ms"],
            size["end_to_end"]["p95_ms"],
            f"analyzers direct {size['analyzers_direct']['p50_ms']}",
            size["ratio_end_to_end_over_analyzers"],
        ]
        for key, size in result["sizes"].items()
    ]


def quality_rows(result: dict) -> list[Row]:
    return [
        [
            f"quality {language}: recall / FP rate",
            measured["recall"],
            measured["false_positive_rate"],
            f"{measured['defects']} defects, {measured['lookalikes']} look-alikes",
            measured["recall_minus_fpr"],
        ]
        for language, measured in result["languages"].items()
    ]


def offline_rows(result: dict) -> list[Row]:
    return [
        [
            f"review --offline, {result['files']} files",
            statistics.median(result["review_ms"]),
            "",
            f"tools direct {statistics.median(result['direct_ms'])}",
            result["speed_vs_direct"],
        ]
    ]


def project_rows(result: dict) -> list[Row]:
    return [
        [
            f"project review, {result['files']} files, 2 worker processes",
            statistics.median(result["review_ms"]),
            "",
            f"tools direct {statistics.median(result['direct_ms'])}",
            result["speed_vs_direct"],
        ],
        [
            "change review, 5 files changed",
            result["change_ms"],
            "",
            f"those files alone {result['alone_ms']}",
            result["change_vs_alone"],
        ],
    ]


def cache_rows(result: dict) -> list[Row]:
    fresh, cached = result["fresh"], result["cached"]
    return [
        [
            f"cache hit, {result['settings']['lines']} lines",
            cached["p50_ms"],
            cached["p95_ms"],
            f"fresh review {fresh['p50_ms']}",
            result["fraction_median"],
        ]
    ]


def throughput_rows(result: dict) -> list[Row]:
    return [
        [f"throughput {text}: reviews/min", layout["reviews_per_minute"], "", "", ""]
        for text, layout in result["layouts"].items()
    ]


def push_rows(result: dict) -> list[Row]:
    shown, raw = result["publish_to_dom"], result["raw_pubsub_round_trip"]
    return [
        [
            "push: publish -> browser DOM",
            shown["p50_ms"],
            shown["p95_ms"],
            f"raw pub/sub {raw['p50_ms']}",
            ratio(shown["p50_ms"], raw["p50_ms"]),
        ]
    ]


def websocket_rows(result: dict) -> list[Row]:
    rows = []
    for tabs, level in result["levels"].items():
        rows.append([f"websocket, {tabs} tabs: RSS KB/tab", level["rss_kb_per_tab"], "", "", ""])
        rows.append(
            [
                f"websocket, {tabs} tabs: event round trip",
                level["sequential"]["p50_ms"],
                level["sequential"]["p99_ms"],
                f"all at once p99 {level['burst']['p99_ms']}",
                "",
            ]
        )
    return rows


def memory_rows(result: dict) -> list[Row]:
    samples = result["memory_mb"]
    warm = samples[min(5, len(samples) - 1)]
    return [
        [
            f"worker memory after {len(samples) - 1} project reviews, MB",
            samples[-1],
            "",
            f"after 5 reviews {warm}, idle {samples[0]}",
            ratio(samples[-1], warm),
        ]
    ]


def cluster_rows(result: dict) -> list[Row]:
    push, tabs, submit = result["push"], result["tabs"], result["submit"]
    bare = submit["bare"]["insert+lpush"]
    return [
        [
            "cluster push: publish -> tab on the other web host",
            push["publish_to_tab"]["p50_ms"],
            push["publish_to_tab"]["p95_ms"],
            f"raw pub/sub {push['raw_pubsub_round_trip']['p50_ms']}",
            "",
        ],
        [
            f"cluster, {tabs['tabs']} tabs, {tabs['acting_at_once']} at once: round trip",
            tabs["at_once"]["p50_ms"],
            tabs["at_once"]["p99_ms"],
            f"one at a time {tabs['one_at_a_time']['p50_ms']}",
            "",
        ],
        *_cluster_throughput_rows(result["throughput"], "shared cores"),
        *_cluster_throughput_rows(
            result["throughput_own_cores"], f"{result['worker_cores']} cores each"
        ),
        [
            f"cluster POST through the proxy, {submit['clients']} clients",
            submit["through_proxy"]["p50_ms"],
            submit["through_proxy"]["p99_ms"],
            f"insert+LPUSH {bare['p50_ms']}",
            ratio(submit["through_proxy"]["p50_ms"], bare["p50_ms"]),
        ],
    ]


def _cluster_throughput_rows(layouts: dict, cores: str) -> list[Row]:
    one = layouts[min(layouts, key=int)]["reviews_per_minute"]
    return [
        [
            f"cluster throughput, {processes} worker processes ({cores}): reviews/min",
            layout["reviews_per_minute"],
            "",
            "",
            ratio(layout["reviews_per_minute"], one),
        ]
        for processes, layout in layouts.items()
    ]


SUMMARIES: dict[str, Callable[[dict], list[Row]]] = {
    "review_quality": quality_rows,
    "submit_latency": submit_rows,
    "static_review": static_rows,
    "offline_project": offline_rows,
    "project_review": project_rows,
    "worker_memory": memory_rows,
    "cache_hit": cache_rows,
    "throughput": throughput_rows,
    "push_latency": push_rows,
    "websocket_scale": websocket_rows,
    "cluster_scale": cluster_rows,
}


def run_one(name: str) -> tuple[bool, float]:
    """Run `python -m bench.<name>` with its defaults; whether it succeeded, and its seconds."""
    print(f"\n##### {name} #####", flush=True)
    started = time.perf_counter()
    finished = subprocess.run([sys.executable, "-m", f"bench.{name}"], check=False)
    return finished.returncode == 0, time.perf_counter() - started


def main() -> None:
    parser = flags(__doc__)
    parser.add_argument("--only", nargs="+", choices=BENCHMARKS, default=BENCHMARKS)
    parser.add_argument("--skip", nargs="+", choices=BENCHMARKS, default=[])
    args = parser.parse_args()
    outcomes = {}
    for name in [name for name in args.only if name not in args.skip]:
        outcomes[name] = run_one(name)
    rows: list[Row] = []
    for name, (succeeded, _seconds) in outcomes.items():
        if not succeeded:
            rows.append([f"{name}: FAILED (see its output above)", "", "", "", ""])
            continue
        result = json.loads((RESULTS_DIR / f"{name}.json").read_text())
        rows += SUMMARIES[name](result)
    columns = ["measure", "p50 (or value)", "p95/p99", "beside (p50 ms)", "ratio"]
    print_table("All benchmarks (ms unless said)", columns, rows)
    timing = {name: round(seconds, 1) for name, (_ok, seconds) in outcomes.items()}
    print(f"seconds per benchmark: {timing}")
    write_results("run_all", {"seconds": timing, "summary": [columns, *rows]})
    if not all(succeeded for succeeded, _seconds in outcomes.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
