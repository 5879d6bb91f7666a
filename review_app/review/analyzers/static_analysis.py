"""Run every analyzer for a language, surviving any one of them failing or hanging."""

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeoutError
from dataclasses import dataclass, field

from review_app.review.analyzers import (
    bandit_scan,
    lizard_metrics,
    radon_metrics,
    ruff_lint,
    syntax_check,
)
from review_app.review.analyzers.output import AnalyzerOutput
from review_app.review.errors import AnalyzerError
from review_app.review.models import Finding, Source, ToolError

logger = logging.getLogger(__name__)

Analyzer = Callable[[str, str], AnalyzerOutput]

_EVERY_LANGUAGE: tuple[tuple[Source, Analyzer], ...] = (
    (Source.SYNTAX, syntax_check.analyze),
    (Source.LIZARD, lizard_metrics.analyze),
)
_PYTHON_ONLY: tuple[tuple[Source, Analyzer], ...] = (
    (Source.RUFF, ruff_lint.analyze),
    (Source.BANDIT, bandit_scan.analyze),
    (Source.RADON, radon_metrics.analyze),
)

DEFAULT_TIMEOUT_SECONDS = 60.0


@dataclass(frozen=True)
class StaticAnalysis:
    """The combined output of the analyzers that ran."""

    findings: list[Finding] = field(default_factory=list)
    metrics: dict[str, float | int] = field(default_factory=dict)
    tool_errors: list[ToolError] = field(default_factory=list)


def analyzers_for(language: str) -> tuple[tuple[Source, Analyzer], ...]:
    """The analyzers that understand `language`."""
    return _EVERY_LANGUAGE + (_PYTHON_ONLY if language == "python" else ())


def run_static_analysis(
    language: str, code: str, timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS
) -> StaticAnalysis:
    """Run the analyzers side by side; a failure or a timeout is recorded, never raised.

    A timed-out analyzer keeps its thread until it finishes (Python cannot stop a thread), but
    the review no longer waits for it.
    """
    result = StaticAnalysis()
    analyzers = analyzers_for(language)
    executor = ThreadPoolExecutor(max_workers=len(analyzers), thread_name_prefix="analyzer")
    try:
        futures = [(source, executor.submit(run, code, language)) for source, run in analyzers]
        deadline = time.monotonic() + timeout_seconds
        for source, future in futures:
            _collect(source, future, deadline, result)
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
    return result


def _collect(
    source: Source, future: Future[AnalyzerOutput], deadline: float, into: StaticAnalysis
) -> None:
    """Add one analyzer's output, or the reason it has none, to `into`."""
    try:
        output = future.result(timeout=max(0.0, deadline - time.monotonic()))
    except FutureTimeoutError:
        message = "timed out; the review went on without it"
    except SyntaxError:
        message = "skipped: the code does not parse"
    except AnalyzerError as exc:
        message = str(exc)
    except Exception as exc:  # a crashing third-party tool must not sink the review
        logger.exception("%s crashed", source)
        message = f"crashed: {type(exc).__name__}: {exc}"
    else:
        into.findings.extend(output.findings)
        into.metrics.update(output.metrics)
        return
    into.tool_errors.append(ToolError(source=source, message=message))
