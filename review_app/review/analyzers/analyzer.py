"""What an analyzer is: a named tool for some languages that turns source files into findings.

An analyzer is one module that builds an `Analyzer` and one line in `registry.ANALYZERS`; the
runner, the cache key and the list of analyzers a review names all derive from the registry.
"""

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import PackageNotFoundError, version

from review_app.review.errors import AnalyzerError
from review_app.review.models import Category, Finding

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SourceFile:
    """One file to analyze: its path as the user sees it, its language and its text."""

    path: str
    language: str
    code: str


@dataclass(frozen=True)
class AnalyzerOutput:
    """Findings plus metrics named after `CodeMetrics` fields, or why the file was not analyzed."""

    findings: list[Finding] = field(default_factory=list)
    metrics: dict[str, float | int] = field(default_factory=dict)
    failure: str | None = None


BatchRun = Callable[[Sequence[SourceFile]], list[AnalyzerOutput]]
FileRun = Callable[[SourceFile], AnalyzerOutput]


@dataclass(frozen=True)
class Analyzer:
    """A tool the review runs; `run` gets files of its languages and answers one output each."""

    name: str
    description: str
    run: BatchRun
    categories: frozenset[Category]
    languages: frozenset[str] = frozenset()  # empty: every language
    packages: tuple[str, ...] = ()  # PyPI distributions whose versions enter the cache key
    tool_version: Callable[[], str] | None = None  # for tools from npm or Debian
    rule_count: Callable[[str], int] | None = None  # rules it applies to a language

    def handles(self, language: str) -> bool:
        """Whether this analyzer reviews code in `language`."""
        return not self.languages or language in self.languages

    def version(self) -> str:
        """`package=version` of every package and tool it runs, for the cache key and the UI."""
        return _version_text(self.packages, self.tool_version)


@cache
def _version_text(packages: tuple[str, ...], tool_version: Callable[[], str] | None) -> str:
    parts = [f"{package}={_installed(package)}" for package in packages]
    if tool_version is not None:
        parts.append(tool_version())
    return ";".join(parts)


def _installed(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "missing"


def per_file(analyze_one: FileRun) -> BatchRun:
    """A batch run made of one call per file; a file the tool fails on does not sink the rest."""

    def run(files: Sequence[SourceFile]) -> list[AnalyzerOutput]:
        return [_guarded(analyze_one, file) for file in files]

    return run


def _guarded(analyze_one: FileRun, file: SourceFile) -> AnalyzerOutput:
    try:
        return analyze_one(file)
    except SyntaxError:
        return AnalyzerOutput(failure="skipped: the code does not parse")
    except AnalyzerError as error:
        return AnalyzerOutput(failure=str(error))
    except Exception as error:  # a crashing third-party tool must not sink the review
        logger.exception("an analyzer crashed on %s", file.path)
        return AnalyzerOutput(failure=f"crashed: {type(error).__name__}: {error}")
