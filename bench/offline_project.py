"""`review-app review --offline` over a 100-file Python project, beside the same analyzers run
directly over the folder with their own command lines, side by side as the review runs them.

The review is the CLI as a user runs it (a new process: start-up, file discovery, the
analyzers, merging, scoring, the report). Directly is each tool's own command over the folder
(ruff, bandit, ty, radon, lizard, and semgrep-core with the rule pack), all started at once.

    .venv/bin/python -m bench.offline_project [--files 100] [--lines 200] [--repeats 3]
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.report import Stopwatch, flags, ms, print_table, ratio, run_benchmark
from bench.sources import source
from review_app.review.rule_pack.engine import bundled_binary
from review_app.review.rule_pack.engine_rules import EngineRuleFiles
from review_app.review.rule_pack.loader import default_rule_pack

TARGET_SPEED = 0.8  # the review at no less than 0.8x the speed of the direct run


def write_project(folder: Path, files: int, lines: int, seed: int = 0) -> list[Path]:
    """`files` modules of about `lines` lines each, in a few packages (`seed` varies the code)."""
    paths = []
    for number in range(files):
        path = folder / f"pkg{number % 5}" / f"module_{number}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source("python", lines, seed + number))
        paths.append(path)
    return paths


def direct_commands(folder: Path, paths: list[Path], rules: Path) -> list[list[str]]:
    """Each analyzer's own command over the folder."""
    bin_dir = Path(sys.executable).parent
    targets = folder.parent / "targets.json"
    targets.write_text(
        json.dumps(
            [
                "Targets",
                [
                    [
                        "CodeTarget",
                        {
                            "path": {"fpath": str(p), "ppath": str(p)},
                            "analyzer": "python",
                            "products": ["sast"],
                        },
                    ]
                    for p in paths
                ],
            ]
        )
    )
    return [
        [
            str(bin_dir / "ruff"),
            "check",
            "--isolated",
            "--no-cache",
            "--exit-zero",
            "--output-format",
            "json",
            str(folder),
        ],
        [str(bin_dir / "bandit"), "-q", "-r", "-f", "json", str(folder)],
        [str(bin_dir / "ty"), "check", "--output-format", "concise", str(folder)],
        [str(bin_dir / "radon"), "cc", "-j", str(folder)],
        [str(bin_dir / "radon"), "mi", "-j", str(folder)],
        [str(bin_dir / "lizard"), str(folder)],
        [
            str(bundled_binary()),
            "-rules",
            str(rules),
            "-targets",
            str(targets),
            "-json_nodots",
            "-fast",
            *("-j", "1"),  # the engine's fastest setting here, as the review runs it
        ],
    ]


def run_direct(commands: list[list[str]]) -> float:
    """Seconds until every command, started at once, has finished."""
    with Stopwatch() as watch, ThreadPoolExecutor(max_workers=len(commands)) as pool:
        list(pool.map(lambda command: subprocess.run(command, capture_output=True), commands))
    return watch.seconds


def run_review(folder: Path) -> float:
    """Seconds of `review-app review --offline` over the folder, as a user runs it."""
    command = [
        str(Path(sys.executable).parent / "review-app"),
        "review",
        str(folder),
        "--offline",
        "--no-progress",
        "--format",
        "json",
        "--output",
        "/dev/null",
    ]
    with Stopwatch() as watch:
        done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"review-app failed: {done.stderr[-500:]}")
    return watch.seconds


def run(args: argparse.Namespace) -> dict:
    samples: dict[str, list[float]] = {"review": [], "direct": []}
    with tempfile.TemporaryDirectory(prefix="bench-project-") as root:
        folder = Path(root) / "project"
        paths = write_project(folder, args.files, args.lines)
        rule_files = EngineRuleFiles(default_rule_pack)  # removed with this object
        commands = direct_commands(folder, paths, rule_files.path("python"))
        run_direct(commands)  # warm the page cache and the tools' first starts
        for _ in range(args.repeats):
            samples["review"].append(run_review(folder))
            samples["direct"].append(run_direct(commands))
        lines = sum(path.read_text().count("\n") for path in paths)
    review, direct = (statistics.median(samples[key]) for key in ("review", "direct"))
    return {
        "files": args.files,
        "lines": lines,
        "review_ms": [ms(s) for s in samples["review"]],
        "direct_ms": [ms(s) for s in samples["direct"]],
        "speed_vs_direct": ratio(direct, review),
    }


def report(results: dict, _args: argparse.Namespace) -> None:
    rows = [
        [
            results["files"],
            results["lines"],
            statistics.median(results["review_ms"]),
            statistics.median(results["direct_ms"]),
            results["speed_vs_direct"],
            "yes" if results["speed_vs_direct"] >= TARGET_SPEED else "no",
        ]
    ]
    columns = ["files", "lines", "review --offline ms", "tools direct ms", "speed vs direct"]
    columns.append(f">= {TARGET_SPEED}x")
    print_table("Offline review of a project, medians", columns, rows)


def main() -> None:
    parser = flags(__doc__)
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--lines", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    run_benchmark("offline_project", parser, run, report)


if __name__ == "__main__":
    main()
