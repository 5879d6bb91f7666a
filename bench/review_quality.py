"""Review quality over the labelled corpus: recall on real defects, false alarms on look-alikes.

bench/corpus/<language>/ holds small realistic files and labels.toml, one [[case]] per real
defect (`kind = "defect"`) or look-alike non-defect (`kind = "lookalike"`), each with its CWE,
line and optional span. The offline review (every static analyzer, no LLM) runs over each
language's files in one batch, as `review-app review --offline` does. A case is flagged when a
security finding lies in its span and names the case's CWE (or a CWE of the same family, such as
327/328), or names none. Recall is flagged defects over defects; the false-positive rate is
flagged look-alikes over look-alikes; noise counts security findings on no labelled case.
bench/holdout/ has the same layout, written without reading the rules: run it with
`--corpus bench/holdout` to check that the rules do not only fit bench/corpus.

    .venv/bin/python -m bench.review_quality [--languages python go] [--show-misses]
        [--corpus bench/holdout]
"""

import argparse
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.report import Stopwatch, flags, print_table, run_benchmark
from review_app.review.analyzers.analyzer import SourceFile
from review_app.review.languages import language_for_filename
from review_app.review.models import Category, Finding, LLMConfig
from review_app.review.pipeline import review_files

CORPUS = Path(__file__).resolve().parent / "corpus"
LANGUAGES = ("python", "javascript", "typescript", "go", "java")
CWE_FAMILIES = ({94, 95}, {327, 328}, {330, 338}, {614, 1004})
TARGET_RECALL, TARGET_FALSE_POSITIVE_RATE = 0.8, 0.1


@dataclass(frozen=True)
class Case:
    """One labelled line (or span) of a corpus file."""

    file: str
    line: int
    cwe: int
    kind: str
    why: str
    span: tuple[int, int]

    def flagged_by(self, finding: Finding) -> bool:
        """Whether `finding` reports this case: a security finding in the span, of its CWE."""
        if finding.category is not Category.SECURITY:
            return False
        if not self.span[0] <= finding.line <= self.span[1]:
            return False
        return finding.cwe is None or finding.cwe in same_family(self.cwe)


def same_family(cwe: int) -> set[int]:
    """The CWEs a reviewer would accept for `cwe` (a weak hash reported as a weak algorithm)."""
    return next((family for family in CWE_FAMILIES if cwe in family), {cwe})


def load_cases(language: str, corpus: Path = CORPUS) -> list[Case]:
    """The labelled cases of one language."""
    labels = tomllib.loads((corpus / language / "labels.toml").read_text(encoding="utf-8"))
    return [
        Case(
            file=case["file"],
            line=case["line"],
            cwe=case["cwe"],
            kind=case["kind"],
            why=case.get("why", ""),
            span=tuple(case.get("span", (case["line"], case["line"]))),
        )
        for case in labels["case"]
    ]


def corpus_files(language: str, corpus: Path = CORPUS) -> list[SourceFile]:
    """Every file of the language's folder, by path relative to it."""
    folder = corpus / language
    return [
        SourceFile(path.name, language, path.read_text(encoding="utf-8"))
        for path in sorted(folder.iterdir())
        if language_for_filename(path.name) == language
    ]


def measure(language: str, show_misses: bool, corpus: Path = CORPUS) -> dict[str, Any]:
    """Review the language's corpus and score every case."""
    files = corpus_files(language, corpus)
    with Stopwatch() as watch:
        results = review_files(files, LLMConfig())
    findings = {file.path: result.findings for file, result in zip(files, results, strict=True)}
    cases = load_cases(language, corpus)
    by_cwe: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses = []
    for case in cases:
        flagged = any(case.flagged_by(finding) for finding in findings.get(case.file, []))
        counts = by_cwe[str(min(same_family(case.cwe)))]
        counts[case.kind] += 1
        counts[f"{case.kind}_flagged"] += flagged
        if flagged != (case.kind == "defect"):
            misses.append(f"{case.kind} {case.file}:{case.line} CWE-{case.cwe} ({case.why})")
    if show_misses:
        print(f"\n{language}: missed defects and false alarms", *sorted(misses), sep="\n  ")
    failures = sorted({e.source for result in results for e in result.tool_errors})
    return {
        "files": len(files),
        "seconds": round(watch.seconds, 2),
        "by_cwe": {cwe: dict(counts) for cwe, counts in sorted(by_cwe.items(), key=_numeric)},
        "noise": _noise(findings, cases),
        "analyzer_failures": failures,
        **_rates(by_cwe.values()),
    }


def _numeric(item: tuple[str, Any]) -> int:
    return int(item[0])


def _rates(counts: Any) -> dict[str, Any]:
    """Recall, false-positive rate and their difference over some per-CWE counts."""
    totals: dict[str, int] = defaultdict(int)
    for count in counts:
        for key, value in count.items():
            totals[key] += value
    recall = totals["defect_flagged"] / totals["defect"] if totals["defect"] else 0.0
    fp_rate = totals["lookalike_flagged"] / totals["lookalike"] if totals["lookalike"] else 0.0
    return {
        "defects": totals["defect"],
        "lookalikes": totals["lookalike"],
        "recall": round(recall, 3),
        "false_positive_rate": round(fp_rate, 3),
        "recall_minus_fpr": round(recall - fp_rate, 3),
    }


def _noise(findings: dict[str, list[Finding]], cases: list[Case]) -> int:
    """Security findings at medium or worse on lines no case covers."""
    covered = defaultdict(list)
    for case in cases:
        covered[case.file].append(case.span)
    return sum(
        1
        for path, found in findings.items()
        for finding in found
        if finding.category is Category.SECURITY
        and finding.severity.rank >= 3
        and not any(start <= finding.line <= end for start, end in covered[path])
    )


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Every chosen language, one after another."""
    corpus = args.corpus.resolve()
    absent = [language for language in args.languages if not (corpus / language).is_dir()]
    if absent:
        raise SystemExit(f"{corpus} has no cases for {', '.join(absent)}")
    return {
        "languages": {
            language: measure(language, args.show_misses, corpus) for language in args.languages
        }
    }


def show(results: dict[str, Any], _args: argparse.Namespace) -> None:
    """One table per language by CWE, then the summary against the targets."""
    summary = []
    for language, measured in results["languages"].items():
        rows = [
            [
                f"CWE-{cwe}",
                f"{counts.get('defect_flagged', 0)}/{counts.get('defect', 0)}",
                f"{counts.get('lookalike_flagged', 0)}/{counts.get('lookalike', 0)}",
            ]
            for cwe, counts in measured["by_cwe"].items()
        ]
        print_table(
            f"{language}: defects found, look-alikes flagged", ["kind", "found", "flagged"], rows
        )
        meets = (
            measured["recall"] >= TARGET_RECALL
            and measured["false_positive_rate"] <= TARGET_FALSE_POSITIVE_RATE
        )
        summary.append(
            [
                language,
                measured["defects"],
                measured["recall"],
                measured["lookalikes"],
                measured["false_positive_rate"],
                measured["recall_minus_fpr"],
                measured["noise"],
                measured["seconds"],
                "yes" if meets else "no",
            ]
        )
    columns = ["language", "defects", "recall", "look-alikes", "FP rate", "recall-FPR"]
    columns += ["noise", "seconds", f"recall>={TARGET_RECALL}, FPR<={TARGET_FALSE_POSITIVE_RATE}"]
    print_table("Review quality, offline review (no LLM)", columns, summary)


def _parser() -> argparse.ArgumentParser:
    parser = flags(__doc__)
    parser.add_argument("--languages", nargs="+", choices=LANGUAGES, default=list(LANGUAGES))
    parser.add_argument("--show-misses", action="store_true", help="List every wrong call.")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        help="Labelled corpus folder: bench/corpus (default) or the held-out bench/holdout.",
    )
    return parser


if __name__ == "__main__":
    run_benchmark("review_quality", _parser(), run, show)
