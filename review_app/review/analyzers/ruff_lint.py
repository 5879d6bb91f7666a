"""Ruff (Python only): lint with a wide, fixed rule set; fixes become unified diffs.

Ruff runs as a subprocess on stdin with `--isolated`, so no configuration file around the
worker changes what it reports.
"""

import subprocess

from pydantic import BaseModel, TypeAdapter, ValidationError
from ruff import find_ruff_bin

from review_app.review.analyzers import ruff_rules
from review_app.review.analyzers.analyzer import Analyzer, AnalyzerOutput, SourceFile, per_file
from review_app.review.analyzers.complexity import COMPLEXITY_LIMIT
from review_app.review.analyzers.security_rules import rule_cwe
from review_app.review.diffs import make_unified_diff
from review_app.review.errors import AnalyzerError
from review_app.review.languages import submission_filename
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
    edits: list[_Edit]


class _Diagnostic(BaseModel):
    """One entry of `ruff check --output-format json`."""

    code: str | None
    message: str
    location: _Location
    end_location: _Location
    fix: _Fix | None = None
    url: str | None = None


_DIAGNOSTICS = TypeAdapter(list[_Diagnostic])


def analyze(file: SourceFile) -> AnalyzerOutput:
    """Lint the code with ruff.

    Raises:
        AnalyzerError: ruff is missing, fails, times out or prints something unexpected.
    """
    filename = submission_filename(file.language)
    diagnostics = _run_ruff(file.code, filename)
    return AnalyzerOutput(findings=[_finding(item, file.code, filename) for item in diagnostics])


def _run_ruff(code: str, filename: str) -> list[_Diagnostic]:
    """Ruff's diagnostics for `code`, read from stdin."""
    command = [
        *(find_ruff_bin(), "check", "-", "--isolated", "--no-cache", "--exit-zero"),
        *("--output-format", "json", "--stdin-filename", filename),
        *("--target-version", "py311", "--line-length", "100"),
        *("--select", ",".join(ruff_rules.SELECTED_RULES)),
        *("--ignore", ",".join(ruff_rules.IGNORED_RULES)),
        *("--config", f"lint.mccabe.max-complexity = {COMPLEXITY_LIMIT}"),
    ]
    try:
        # The command is fixed; the untrusted code only travels on stdin.
        completed = subprocess.run(  # noqa: S603
            command, input=code, capture_output=True, text=True, timeout=_TIMEOUT_SECONDS
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise AnalyzerError(f"ruff could not run: {exc}") from exc
    if completed.returncode != 0:
        raise AnalyzerError(f"ruff exited with {completed.returncode}: {completed.stderr[:300]}")
    try:
        return _DIAGNOSTICS.validate_json(completed.stdout)
    except ValidationError as exc:
        raise AnalyzerError(f"ruff printed unexpected output: {exc}") from exc


def _finding(diagnostic: _Diagnostic, code: str, filename: str) -> Finding:
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
        suggested_fix=_fix_as_diff(fix, code, filename) if fix and fix.edits else None,
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
    run=per_file(analyze),
    categories=frozenset(Category),
    languages=frozenset({"python"}),
    packages=("ruff",),
)
