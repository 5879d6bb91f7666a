"""Ruff (Python only): lint with a wide, fixed rule set; fixes become unified diffs.

Ruff runs once per batch, as a subprocess over the files written to a private folder, with
`--isolated`, so no configuration file around the worker changes what it reports.
"""

import tempfile
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, TypeAdapter, ValidationError
from ruff import find_ruff_bin

from review_app.review.analyzers import ruff_rules
from review_app.review.analyzers.analyzer import Analyzer, AnalyzerOutput, SourceFile
from review_app.review.analyzers.complexity import COMPLEXITY_LIMIT
from review_app.review.analyzers.security_rules import rule_cwe
from review_app.review.analyzers.toolchain import failed, run_tool, write_batch
from review_app.review.diffs import make_unified_diff
from review_app.review.errors import AnalyzerError
from review_app.review.models import Category, Finding
from review_app.review.source_text import line_offsets

NAME = "ruff"
_TIMEOUT_SECONDS = 30


class _Location(BaseModel):
    row: int
    column: int


class _Edit(BaseModel):
    content: str
    location: _Location
    end_location: _Location


class _Fix(BaseModel):
    message: str | None = None
    applicability: str = "unsafe"  # "safe": ruff vouches the fix keeps behaviour
    edits: list[_Edit]


class _Diagnostic(BaseModel):
    """One entry of `ruff check --output-format json`."""

    filename: str
    code: str | None
    message: str
    location: _Location
    end_location: _Location
    fix: _Fix | None = None
    url: str | None = None


_DIAGNOSTICS = TypeAdapter(list[_Diagnostic])


def analyze(files: Sequence[SourceFile]) -> list[AnalyzerOutput]:
    """Lint every file with one ruff run; a failure of that run is every file's failure."""
    with tempfile.TemporaryDirectory(prefix="review-ruff-") as folder:
        paths = write_batch(Path(folder), files)
        try:
            diagnostics = _run_ruff(paths)
        except AnalyzerError as error:
            return [AnalyzerOutput(failure=str(error)) for _ in files]
    by_path: dict[str, list[_Diagnostic]] = {str(path): [] for path in paths}
    for diagnostic in diagnostics:
        by_path.setdefault(diagnostic.filename, []).append(diagnostic)
    return [
        AnalyzerOutput(findings=[_finding(item, file) for item in by_path[str(path)]])
        for file, path in zip(files, paths, strict=True)
    ]


def _run_ruff(paths: list[Path]) -> list[_Diagnostic]:
    """Ruff's diagnostics for the files at `paths`.

    Raises:
        AnalyzerError: ruff is missing, fails, times out or prints something unexpected.
    """
    command = [
        *(find_ruff_bin(), "check", "--isolated", "--no-cache", "--exit-zero"),
        *("--output-format", "json"),
        *("--target-version", "py311", "--line-length", "100"),
        *("--select", ",".join(ruff_rules.SELECTED_RULES)),
        *("--ignore", ",".join(ruff_rules.IGNORED_RULES)),
        *("--config", f"lint.mccabe.max-complexity = {COMPLEXITY_LIMIT}"),
        "--",
        *(str(path) for path in paths),
    ]
    completed = run_tool(command, tool="ruff", timeout=_TIMEOUT_SECONDS)
    if completed.returncode != 0:
        raise failed("ruff", completed)
    try:
        return _DIAGNOSTICS.validate_json(completed.stdout)
    except ValidationError as exc:
        raise AnalyzerError(f"ruff printed unexpected output: {exc}") from exc


def _finding(diagnostic: _Diagnostic, file: SourceFile) -> Finding:
    """Our finding for one ruff diagnostic."""
    category, severity = ruff_rules.classify(diagnostic.code)
    fix = diagnostic.fix
    detail = fix.message if fix and fix.message else ""
    if diagnostic.url:
        detail = f"{detail} (see {diagnostic.url})".strip()
    end_line = diagnostic.end_location.row
    return Finding(
        title=diagnostic.message,
        detail=detail,
        severity=severity,
        category=category,
        line=diagnostic.location.row,
        end_line=end_line if end_line > diagnostic.location.row else None,
        column=diagnostic.location.column,
        rule=diagnostic.code,
        cwe=rule_cwe(diagnostic.code) if category is Category.SECURITY else None,
        sources=[NAME],
        suggested_fix=_fix_as_diff(fix, file.code, file.path) if fix and fix.edits else None,
        safe_fix=bool(fix and fix.edits and fix.applicability == "safe"),
    )


def _fix_as_diff(fix: _Fix, code: str, filename: str) -> str | None:
    """Apply the fix's edits (rows and 1-based character columns) and diff the result.

    None when an edit points outside the code, which would make the diff wrong.
    """
    offsets = line_offsets(code)

    def offset(location: _Location) -> int:
        if not 1 <= location.row <= len(offsets):
            raise IndexError(location.row)
        return min(offsets[location.row - 1] + location.column - 1, len(code))

    fixed = code
    try:
        for edit in sorted(fix.edits, key=lambda item: offset(item.location), reverse=True):
            start, end = offset(edit.location), offset(edit.end_location)
            fixed = fixed[:start] + edit.content + fixed[end:]
    except IndexError:
        return None
    return make_unified_diff(code, fixed, filename)


ANALYZER = Analyzer(
    name=NAME,
    description="Python lint: bugs, security patterns, style, complexity, with fixes",
    run=analyze,
    categories=frozenset(Category),
    languages=frozenset({"python"}),
    packages=("ruff",),
)
