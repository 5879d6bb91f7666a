"""Percentiles, a printed table and a JSON file of each benchmark's numbers."""

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS_DIR = Path(__file__).resolve().parent / "results"


def ms(seconds: float) -> float:
    """Seconds as milliseconds, rounded for reading."""
    return round(seconds * 1000, 3)


def summarize(samples: Sequence[float]) -> dict[str, float]:
    """Count, mean and real percentiles (p50, p95, p99) of `samples` (seconds), in ms."""
    if not samples:
        return {"n": 0}
    if len(samples) == 1:
        cuts = [samples[0]] * 99
    else:
        cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return {
        "n": len(samples),
        "mean_ms": ms(statistics.fmean(samples)),
        "p50_ms": ms(cuts[49]),
        "p95_ms": ms(cuts[94]),
        "p99_ms": ms(cuts[98]),
        "min_ms": ms(min(samples)),
        "max_ms": ms(max(samples)),
    }


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator, rounded; infinity when the denominator is zero."""
    return round(numerator / denominator, 2) if denominator else float("inf")


def print_table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A plain-text table with aligned columns under a title."""
    cells = [[str(column) for column in columns]] + [
        [_cell(value) for value in row] for row in rows
    ]
    widths = [max(len(row[index]) for row in cells) for index in range(len(columns))]
    print(f"\n{title}")
    for number, row in enumerate(cells):
        print("  ".join(value.rjust(width) for value, width in zip(row, widths, strict=True)))
        if number == 0:
            print("  ".join("-" * width for width in widths))
    sys.stdout.flush()


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def machine() -> dict[str, Any]:
    """Where and when the numbers were taken: they mean little without it."""
    return {
        "cpus": os.cpu_count(),
        "load_average": [round(load, 2) for load in os.getloadavg()],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "taken_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def write_results(name: str, results: dict[str, Any]) -> Path:
    """Save `results` with the command and the machine as bench/results/<name>.json."""
    RESULTS_DIR.mkdir(exist_ok=True)
    path = RESULTS_DIR / f"{name}.json"
    document = {
        "benchmark": name,
        "command": " ".join([Path(sys.executable).name, "-m", f"bench.{name}", *sys.argv[1:]]),
        "machine": machine(),
        **results,
    }
    path.write_text(json.dumps(document, indent=2, default=str) + "\n")
    print(f"\nwrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    return path


def flags(doc: str) -> argparse.ArgumentParser:
    """A parser of a benchmark's flags, described by its docstring's first paragraph."""
    return argparse.ArgumentParser(description=doc.split("\n\n")[0])


def run_benchmark(
    name: str,
    parser: argparse.ArgumentParser,
    run: Callable[[argparse.Namespace], dict[str, Any]],
    show: Callable[[dict[str, Any], argparse.Namespace], None],
) -> None:
    """Every benchmark's command: read the flags, run, print the table, save the JSON."""
    args = parser.parse_args()
    results = run(args)
    show(results, args)
    write_results(name, {"settings": vars(args), **results})


class Stopwatch:
    """`with Stopwatch() as watch: ...; watch.seconds` (perf_counter)."""

    def __enter__(self) -> "Stopwatch":
        self.started = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *_exc: object) -> None:
        self.seconds = time.perf_counter() - self.started
