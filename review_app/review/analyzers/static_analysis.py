"""Run every registered analyzer over some files, surviving any one of them failing or hanging."""

import logging
import time
from collections.abc import Collection, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeoutError
from dataclasses import dataclass, field

from review_app.review.analyzers import registry
from review_app.review.analyzers.analyzer import Analyzer, AnalyzerOutput, SourceFile
from review_app.review.models import AnalyzerRun, Category, Finding, ToolError

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT_SECONDS = 60.0


@dataclass
class StaticAnalysis:
    """The combined output of the analyzers over one file, and which of them ran."""

    findings: list[Finding] = field(default_factory=list)
    metrics: dict[str, float | int] = field(default_factory=dict)
    tool_errors: list[ToolError] = field(default_factory=list)
    analyzers: list[AnalyzerRun] = field(default_factory=list)
    checked: set[Category] = field(default_factory=set)  # what the analyzers that ran check

    def add(self, analyzer: Analyzer, language: str, output: AnalyzerOutput) -> None:
        """One analyzer's output for this file: what it found, and why it fell short if it did.

        An analyzer that found something before failing (one rule timing out among many) keeps
        its findings and is named among those that ran, beside its error.
        """
        self.findings.extend(output.findings)
        self.metrics.update(output.metrics)
        if output.failure is not None:
            self.tool_errors.append(ToolError(source=analyzer.name, message=output.failure))
            if not output.findings:
                return
        self.checked |= analyzer.categories
        rules = analyzer.rule_count(language) if analyzer.rule_count else None
        self.analyzers.append(
            AnalyzerRun(name=analyzer.name, version=analyzer.version(), rules=rules)
        )


def run_static_analysis(
    files: Sequence[SourceFile],
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
    analyzers: Sequence[Analyzer] | None = None,
    switched_off: Sequence[Collection[str]] | None = None,
) -> list[StaticAnalysis]:
    """One `StaticAnalysis` per file; analyzers run side by side, each over all its files but
    those whose project switched it off (`switched_off[i]`: analyzer names, for `files[i]`).

    A failure or a timeout is recorded, never raised. A timed-out analyzer keeps its thread
    until it finishes (Python cannot stop a thread), but the review no longer waits for it.
    """
    results = [StaticAnalysis() for _ in files]
    analyzers = registry.ANALYZERS if analyzers is None else analyzers
    off = switched_off or [()] * len(files)
    batches = [
        (
            analyzer,
            [
                index
                for index, file in enumerate(files)
                if analyzer.handles(file.language) and analyzer.name not in off[index]
            ],
        )
        for analyzer in analyzers
    ]
    batches = [(analyzer, indices) for analyzer, indices in batches if indices]
    if not batches:
        return results
    executor = ThreadPoolExecutor(max_workers=len(batches), thread_name_prefix="analyzer")
    try:
        futures = [
            (analyzer, indices, executor.submit(analyzer.run, [files[i] for i in indices]))
            for analyzer, indices in batches
        ]
        deadline = time.monotonic() + timeout_seconds
        for analyzer, indices, future in futures:
            outputs = _outputs(analyzer, future, deadline, len(indices))
            for index, output in zip(indices, outputs, strict=True):
                results[index].add(analyzer, files[index].language, output)
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
    return results


def _outputs(
    analyzer: Analyzer, future: Future[list[AnalyzerOutput]], deadline: float, count: int
) -> list[AnalyzerOutput]:
    """The analyzer's outputs, or as many copies of the reason it has none."""
    try:
        outputs = future.result(timeout=max(0.0, deadline - time.monotonic()))
    except FutureTimeoutError:
        failure = "timed out; the review went on without it"
    except Exception as exc:  # a crashing third-party tool must not sink the review
        logger.exception("%s crashed", analyzer.name)
        failure = f"crashed: {type(exc).__name__}: {exc}"
    else:
        if len(outputs) == count:
            return outputs
        failure = f"answered for {len(outputs)} files instead of {count}"
    return [AnalyzerOutput(failure=failure)] * count
