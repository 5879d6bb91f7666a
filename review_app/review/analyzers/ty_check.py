"""ty (Python): type errors that fail at run time, such as a wrong argument or a missing attribute.

Only the rules in `_RULES` run, all as errors: what a lone file shows for sure. Unresolved
imports (the code's dependencies are not here) and undefined names (ruff's F821) are left out.
The files keep their relative paths under one private project, so they import each other; ty
sees no configuration and no Python environment but its own bundled stubs. Mapping: `_RULES`,
every finding a bug.
"""

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, TypeAdapter, ValidationError
from ty import find_ty_bin

from review_app.review.analyzers.analyzer import Analyzer, AnalyzerOutput, SourceFile
from review_app.review.analyzers.toolchain import failed, guarded_batch, project_path, run_tool
from review_app.review.errors import AnalyzerError
from review_app.review.models import Category, Finding, Severity

NAME = "ty"
TIMEOUT_SECONDS = 30.0
PYTHON_VERSION = "3.11"

_HIGH, _MEDIUM, _LOW = Severity.HIGH, Severity.MEDIUM, Severity.LOW
# ty's rules that find code failing when it runs, by how sure the failure is.
_RULES: dict[str, Severity] = {
    **dict.fromkeys(
        (
            *("missing-argument", "unknown-argument", "too-many-positional-arguments"),
            *("parameter-already-assigned", "positional-only-parameter-as-kwarg"),
            *("not-callable", "not-iterable", "not-subscriptable", "missing-attribute"),
            *("unsupported-operator", "index-out-of-bounds", "division-by-zero"),
            *("abstract-class-instantiation", "abstract-method-call", "invalid-await"),
            *("invalid-context-manager", "invalid-raise", "invalid-exception-caught"),
            *("no-matching-overload", "missing-typed-dict-key", "zero-stepsize-in-slice"),
            *("inconsistent-mro", "duplicate-base", "cyclic-class-definition"),
            *("invalid-super-argument", "unsupported-bool-conversion"),
        ),
        _HIGH,
    ),
    **dict.fromkeys(
        (
            *("invalid-argument-type", "invalid-assignment", "invalid-explicit-return"),
            *("invalid-implicit-return", "unused-awaitable", "missing-union-attribute"),
            *("conflicting-declarations", "invalid-parameter-default", "invalid-base"),
            *("override-of-final-method", "subclass-of-final-class", "invalid-yield"),
        ),
        _MEDIUM,
    ),
    **dict.fromkeys(
        ("incompatible-method-override", "truthiness-test-of-callable", "static-assert-error"),
        _LOW,
    ),
}
_SYNTAX_ERROR = "invalid-syntax"


class _Position(BaseModel):
    line: int
    column: int  # 1-based, in characters


class _Positions(BaseModel):
    begin: _Position
    end: _Position


class _Location(BaseModel):
    path: str
    positions: _Positions


class _Diagnostic(BaseModel):
    """One entry of ty's `gitlab` (Code Climate) output."""

    check_name: str
    description: str
    location: _Location


_DIAGNOSTICS = TypeAdapter(list[_Diagnostic])


def analyze(files: Sequence[SourceFile]) -> list[AnalyzerOutput]:
    """Type-check the files together in one ty run.

    Raises:
        AnalyzerError: ty is missing, fails, times out or prints something unexpected.
    """
    with tempfile.TemporaryDirectory(prefix="review-ty-") as directory:
        project = Path(directory)
        paths = _write(project, files)
        diagnostics = _run_ty(project, paths)
    by_path: dict[str, list[_Diagnostic]] = {path: [] for path in paths}
    for diagnostic in diagnostics:
        by_path.setdefault(diagnostic.location.path, []).append(diagnostic)
    return [_output(by_path[path]) for path in paths]


def _write(project: Path, files: Sequence[SourceFile]) -> list[str]:
    """Each file at its own relative path (numbered when two collide); the paths, in order."""
    paths: list[str] = []
    for number, file in enumerate(files):
        path = project_path(file).as_posix()
        if not path.endswith((".py", ".pyi")):
            path = f"{path}.py"
        if path in paths:
            path = f"{number}/{path}"
        paths.append(path)
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_bytes(file.code.encode("utf-8"))
    return paths


def _run_ty(project: Path, paths: list[str]) -> list[_Diagnostic]:
    try:
        ty = find_ty_bin()
    except FileNotFoundError as exc:
        raise AnalyzerError("ty is not installed: run `make`") from exc
    config = project / "ty.toml"  # empty: no user or project configuration applies
    config.touch()
    command = [
        *(ty, "check", "--output-format", "gitlab", "--no-progress", "--exit-zero"),
        *("--project", project, "--config-file", config, "--python-version", PYTHON_VERSION),
        *("--no-respect-ignore-files", "--ignore", "all"),
        *(part for rule in _RULES for part in ("--error", rule)),
        *paths,
    ]
    # No virtualenv or python on PATH: ty checks against its bundled stubs only.
    env = {"PATH": os.defpath, "HOME": str(project), "XDG_CONFIG_HOME": str(project)}
    completed = run_tool(command, tool=NAME, timeout=TIMEOUT_SECONDS, cwd=project, env=env)
    if completed.returncode != 0:
        raise failed(NAME, completed)
    try:
        return _DIAGNOSTICS.validate_json(completed.stdout or "[]")
    except ValidationError as exc:
        raise failed(NAME, completed) from exc


def _output(diagnostics: list[_Diagnostic]) -> AnalyzerOutput:
    if any(diagnostic.check_name == _SYNTAX_ERROR for diagnostic in diagnostics):
        return AnalyzerOutput(failure="skipped: the code does not parse")
    return AnalyzerOutput(findings=[_finding(diagnostic) for diagnostic in diagnostics])


def _finding(diagnostic: _Diagnostic) -> Finding:
    rule = diagnostic.check_name
    begin, end = diagnostic.location.positions.begin, diagnostic.location.positions.end
    return Finding(
        title=diagnostic.description.removeprefix(f"{rule}: "),
        detail=f"ty's {rule} rule (see https://docs.astral.sh/ty/reference/rules/#{rule}).",
        severity=_RULES.get(rule, _MEDIUM),
        category=Category.BUG,
        line=begin.line,
        end_line=end.line if end.line > begin.line else None,
        column=begin.column,
        rule=rule,
        sources=[NAME],
    )


ANALYZER = Analyzer(
    name=NAME,
    description="Python type errors that fail at run time (ty), without the dependencies",
    run=guarded_batch(NAME, analyze),
    categories=frozenset({Category.BUG}),
    languages=frozenset({"python"}),
    packages=("ty",),
    rule_count=lambda _language: len(_RULES),
)
