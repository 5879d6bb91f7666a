"""go vet and gofmt (Go): vet's bug checks, compile errors, and code gofmt would reformat.

The files are laid out as a private throw-away module, one package per folder they came from,
and checked offline (GOPROXY=off) with a build cache kept between runs. A package importing
something outside the standard library cannot be vetted without it: each of its files says so
instead of a wrong result, and so does a file whose package was not submitted whole. Mapping:
`_ANALYZERS`; a compile error is a high bug; code gofmt would change is a low style finding
whose fix is gofmt's output.
"""

import functools
import json
import os
import re
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from review_app.review.analyzers.analyzer import Analyzer, AnalyzerOutput, SourceFile
from review_app.review.analyzers.toolchain import (
    failed,
    guarded_batch,
    private_cache_dir,
    project_path,
    run_tool,
)
from review_app.review.diffs import make_unified_diff
from review_app.review.errors import AnalyzerError
from review_app.review.models import Category, Finding, Severity

NAME = "go-vet"
LIST_TIMEOUT_SECONDS = 20.0
VET_TIMEOUT_SECONDS = 45.0  # a first run compiles the standard packages the code imports
_GO_MOD = "module submission\n\ngo 1.19\n"

_BUG, _HIGH, _MEDIUM, _LOW = Category.BUG, Severity.HIGH, Severity.MEDIUM, Severity.LOW
# go vet's analyzers in Go 1.19; one a later Go adds is a medium bug until mapped.
_ANALYZERS: dict[str, tuple[Category, Severity]] = {
    **dict.fromkeys(("atomic", "copylocks", "errorsas", "loopclosure"), (_BUG, _HIGH)),
    **dict.fromkeys(
        (
            *("asmdecl", "assign", "bools", "cgocall", "httpresponse", "ifaceassert"),
            *("lostcancel", "nilfunc", "printf", "shift", "sigchanyzer", "stdmethods"),
            *("stringintconv", "testinggoroutine", "unmarshal", "unreachable", "unsafeptr"),
            "unusedresult",
        ),
        (_BUG, _MEDIUM),
    ),
    **dict.fromkeys(("buildtag", "framepointer", "structtag", "tests"), (_BUG, _LOW)),
    "composites": (Category.STYLE, _LOW),
}
_UNKNOWN_ANALYZER = (_BUG, _MEDIUM)
COMPILE_ERROR_RULE, GOFMT_RULE = "typecheck", "gofmt"
_COMPILE_ERROR_DETAIL = "The Go type checker rejects this, so go vet's checks did not run on it."

_POSITION = re.compile(r"(?P<path>.+?\.go):(?P<line>\d+):(?P<column>\d+)")
_TYPE_ERROR = re.compile(rf"vet: {_POSITION.pattern}: (?P<message>.*)")
# Type errors a file shows when the rest of its package was not submitted.
_INCOMPLETE_PACKAGE = re.compile(r"undeclared name|undefined: |has no field or method")
_MISSING_MODULE = re.compile(r"providing package (\S+?):|package (\S+) is not in (?:GOROOT|std)")
_PRIVATE_PACKAGE = re.compile(r"\bsubmission/p\d+\.")  # our folder names, not the user's
# File names kept as they are (go reads _test and _linux suffixes); others are renamed.
_SAFE_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\.go")


def analyze(files: Sequence[SourceFile]) -> list[AnalyzerOutput]:
    """Vet and gofmt-check every file, with one vet run for all the packages.

    Raises:
        AnalyzerError: go is missing, fails, times out or prints something unexpected.
    """
    go, gofmt = shutil.which("go"), shutil.which("gofmt")
    if go is None or gofmt is None:
        raise AnalyzerError("go is not installed: run `make` (it installs Debian's golang-go)")
    with tempfile.TemporaryDirectory(prefix="review-go-") as directory:
        module = _GoModule(Path(directory).resolve(), files)
        env = _go_env(module.folder)
        module.check_format(gofmt)
        module.list_imports(go, env)
        module.vet(go, env)
    return module.outputs()


def _go_env(module: Path) -> dict[str, str]:
    """An environment that keeps go offline, on this toolchain, and out of the user's setup."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(module),
        "GOCACHE": str(private_cache_dir("go-build")),
        "GOPATH": str(private_cache_dir("go-path")),
        "GOFLAGS": "-mod=mod",
        "GOPROXY": "off",
        "GOTOOLCHAIN": "local",
        "GOENV": "off",
        "GOWORK": "off",
        "GOSUMDB": "off",
        "GOTELEMETRY": "off",
        "GO111MODULE": "on",
        "CGO_ENABLED": "0",
    }


@dataclass
class _Package:
    """A folder of the module: the submitted files in it and why it cannot be vetted."""

    folder: str
    files: dict[str, int] = field(default_factory=dict)  # file name -> index in the batch
    problem: str | None = None


class _GoModule:
    """The files laid out as a throw-away module, and what the go tools said about each."""

    def __init__(self, folder: Path, files: Sequence[SourceFile]) -> None:
        self.folder, self.files = folder, files
        self.packages = self._write_packages()
        self.index_of = {
            f"{package.folder}/{name}": index
            for package in self.packages
            for name, index in package.files.items()
        }
        self.findings: dict[int, list[Finding]] = defaultdict(list)
        self.problems: dict[int, str] = {}

    def _write_packages(self) -> list[_Package]:
        """One module folder per folder the files came from, so a package vets as a whole."""
        (self.folder / "go.mod").write_text(_GO_MOD, encoding="utf-8")
        by_folder: dict[str, _Package] = {}
        for index, file in enumerate(self.files):
            path = project_path(file)
            package = by_folder.setdefault(str(path.parent), _Package(f"p{len(by_folder)}"))
            name = path.name if _SAFE_FILE_NAME.fullmatch(path.name) else f"file{index}.go"
            if name in package.files:
                name = f"file{index}_{name}"
            package.files[name] = index
            (self.folder / package.folder).mkdir(exist_ok=True)
            (self.folder / package.folder / name).write_bytes(file.code.encode("utf-8"))
        return list(by_folder.values())

    def outputs(self) -> list[AnalyzerOutput]:
        """Each file's findings, or why it was not checked."""
        return [
            AnalyzerOutput(failure=self.problems[index])
            if index in self.problems
            else AnalyzerOutput(findings=self.findings[index])
            for index in range(len(self.files))
        ]

    def check_format(self, gofmt: str) -> None:
        """gofmt over every file: one that does not parse is skipped, one it would change noted."""
        run = functools.partial(run_tool, tool="gofmt", timeout=10, cwd=self.folder)
        completed = run([gofmt, "-l", "-e", *self.index_of])
        for line in completed.stderr.splitlines():
            if (match := _POSITION.match(line)) and match["path"] in self.index_of:
                self.problems[self.index_of[match["path"]]] = "skipped: the code does not parse"
        for path in completed.stdout.split():
            index = self.index_of.get(path)
            if index is not None and index not in self.problems:
                formatted = run([gofmt, path]).stdout
                self.findings[index].append(_format_finding(self.files[index], formatted))
        for package in self.packages:
            if all(index in self.problems for index in package.files.values()):
                package.problem = "skipped: the code does not parse"

    def list_imports(self, go: str, env: dict[str, str]) -> None:
        """Mark the packages go cannot load offline: imports it cannot resolve, bad folders."""
        loadable = {package.folder: package for package in self.packages if not package.problem}
        if not loadable:
            return
        command = [go, "list", "-e", "-json=Dir,Error,DepsErrors"]
        command += [f"./{folder}" for folder in loadable]
        completed = run_tool(
            command, tool="go list", timeout=LIST_TIMEOUT_SECONDS, cwd=self.folder, env=env
        )
        if completed.returncode != 0:
            raise failed("go list", completed)
        for listed in _json_values(completed.stdout):
            package = loadable.get(Path(listed.get("Dir", "")).name)
            if package is None:
                continue
            if errors := [error["Err"] for error in listed.get("DepsErrors") or []]:
                package.problem = _import_problem(errors)
            elif listed.get("Error"):
                error = listed["Error"]["Err"].replace(f"{self.folder}/", "")
                package.problem = f"not vetted: go cannot load it ({error})"

    def vet(self, go: str, env: dict[str, str]) -> None:
        """One go vet run over every loadable package; its diagnostics go to their files."""
        for package in self.packages:
            for index in package.files.values():
                if package.problem:
                    self.problems.setdefault(index, package.problem)
        vettable = [f"./{package.folder}" for package in self.packages if not package.problem]
        if not vettable:
            return
        command = [go, "vet", "-json", *vettable]
        completed = run_tool(
            command, tool="go vet", timeout=VET_TIMEOUT_SECONDS, cwd=self.folder, env=env
        )
        if not self._read_vet_output(completed.stderr) and completed.returncode != 0:
            raise failed("go vet", completed)

    def _read_vet_output(self, stderr: str) -> bool:
        """Add what `go vet -json` printed; whether it printed any diagnostic or compile error."""
        reported = False
        for value in _json_values(stderr):
            reported = True
            for analyzer, diagnostic in _diagnostics(value):
                if match := _POSITION.fullmatch(diagnostic.get("posn", "")):
                    self._add(match, analyzer, diagnostic.get("message", analyzer))
        for line in stderr.splitlines():
            if match := _TYPE_ERROR.fullmatch(line):
                reported = True
                self._add_type_error(match)
        return reported

    def _index(self, match: re.Match[str]) -> int | None:
        """The batch index of the file a position names (go gives it absolute or relative)."""
        path = Path(match["path"])
        if path.is_absolute():
            if not path.is_relative_to(self.folder):
                return None
            path = path.relative_to(self.folder)
        return self.index_of.get(path.as_posix())

    def _add(self, match: re.Match[str], rule: str, message: str) -> None:
        """A finding of vet's `rule`, or of a compile error, where `match` places it."""
        index = self._index(match)
        if index is None:
            return
        if rule == COMPILE_ERROR_RULE:
            category, severity = _BUG, _HIGH
            title, detail = f"Does not compile: {message}", _COMPILE_ERROR_DETAIL
        else:
            category, severity = _ANALYZERS.get(rule, _UNKNOWN_ANALYZER)
            title, detail = message, f"go vet's {rule} check (see https://pkg.go.dev/cmd/vet)."
        line = int(match["line"])
        self.findings[index].append(
            Finding(
                title=_PRIVATE_PACKAGE.sub("", title),
                detail=detail,
                severity=severity,
                category=category,
                line=line,
                column=_character_column(self.files[index].code, line, int(match["column"])),
                rule=rule,
                sources=[NAME],
            )
        )

    def _add_type_error(self, match: re.Match[str]) -> None:
        """A compile error is a high bug, unless it only says the rest of the package is missing."""
        index = self._index(match)
        message = _PRIVATE_PACKAGE.sub("", match["message"])
        if index is None or not _INCOMPLETE_PACKAGE.search(message):
            self._add(match, COMPILE_ERROR_RULE, message)
            return
        package = next(p for p in self.packages if index in p.files.values())
        for other in package.files.values():
            self.problems[other] = (
                f"not vetted: {message}; go vet needs every file of the package, "
                "so submit the others with it (or fix the name if it is a typo)"
            )


def _format_finding(file: SourceFile, formatted: str) -> Finding:
    """The low style finding for code gofmt would change, at the first line it changes."""
    old, new = file.code.splitlines(), formatted.splitlines()
    line = next(
        (n for n, (a, b) in enumerate(zip(old, new, strict=False), start=1) if a != b), None
    )
    return Finding(
        title="The code is not formatted with gofmt",
        detail="Go code is read and diffed in gofmt's layout; run `gofmt -w` on the file.",
        severity=_LOW,
        category=Category.STYLE,
        line=line or min(len(old), len(new)) + 1,
        rule=GOFMT_RULE,
        sources=[NAME],
        suggested_fix=make_unified_diff(file.code, formatted, project_path(file).name),
        safe_fix=True,  # gofmt changes layout only
    )


def _import_problem(errors: list[str]) -> str:
    """Why a package whose imports go cannot resolve offline is not vetted."""
    missing = [
        next(path for path in match.groups() if path)
        for error in errors
        for match in _MISSING_MODULE.finditer(error)
    ]
    what = ", ".join(dict.fromkeys(missing)) or errors[0]
    return (
        f"not vetted: it imports packages outside the standard library ({what}); go vet "
        "needs their code, and nothing is downloaded during a review"
    )


def _json_values(text: str) -> Iterator[dict]:
    """The JSON objects that start a line of `text`; go prints other lines between them."""
    decoder, position = json.JSONDecoder(), 0
    while (start := text.find("{", position)) != -1:
        position = start + 1
        if start and text[start - 1] != "\n":
            continue
        try:
            value, position = decoder.raw_decode(text, start)
        except ValueError:
            continue
        if isinstance(value, dict):
            yield value


def _diagnostics(vet_json: dict) -> Iterator[tuple[str, dict]]:
    """(analyzer, diagnostic) pairs of `go vet -json`: {package: {analyzer: [diagnostic]}}."""
    for by_analyzer in vet_json.values():
        for analyzer, diagnostics in by_analyzer.items():
            if isinstance(diagnostics, list):  # a dict holds an analyzer's own error
                yield from ((analyzer, diagnostic) for diagnostic in diagnostics)


def _character_column(code: str, line: int, byte_column: int) -> int:
    """The 1-based column in characters of a place go gives in bytes."""
    lines = code.splitlines()
    text = lines[line - 1].encode("utf-8") if 0 < line <= len(lines) else b""
    return len(text[: byte_column - 1].decode("utf-8", errors="replace")) + 1


def _go_version() -> str:
    """`go=go1.19.8`: the toolchain decides what vet reports."""
    local = {**os.environ, "GOTOOLCHAIN": "local"}  # never a toolchain a go.mod asks for
    try:
        completed = run_tool(["go", "env", "GOVERSION"], tool="go", timeout=10, env=local)
    except AnalyzerError:
        return "go=missing"
    return f"go={completed.stdout.strip() or 'unknown'}"


ANALYZER = Analyzer(
    name=NAME,
    description="Go: go vet's bug checks and compile errors, offline, and gofmt's layout",
    run=guarded_batch(NAME, analyze),
    categories=frozenset({Category.BUG, Category.STYLE}),
    languages=frozenset({"go"}),
    tool_version=_go_version,
    rule_count=lambda _language: len(_ANALYZERS) + 2,  # with compile errors and gofmt
)
