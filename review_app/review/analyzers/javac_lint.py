"""javac's lint (Java): `-Xlint:all` warnings and compile errors, without the code's dependencies.

The files are compiled together (so they resolve each other) by a warm javac (`javac_server`)
that goes on to flow analysis despite errors and writes no class file. Types from outside the
submitted files cannot be resolved: those errors are dropped, the lint warnings javac can still
make are kept (it makes most: raw types, division by zero, fall-through, finally...), and an
info finding says that lint was partial. Mapping: `_WARNINGS` by javac's diagnostic code; a
compile error is a high bug, trusted only when every name resolved or when no missing type can
cause it (`_STANDALONE_ERRORS`).
"""

import re
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from review_app.review.analyzers import syntax_check
from review_app.review.analyzers.analyzer import Analyzer, AnalyzerOutput, SourceFile
from review_app.review.analyzers.javac_server import JavacDiagnostic, JavacServer
from review_app.review.analyzers.toolchain import guarded_batch, project_path, run_tool
from review_app.review.errors import AnalyzerError
from review_app.review.models import Category, Finding, Severity

NAME = "javac"
TIMEOUT_SECONDS = 45.0  # the first review in a process starts the server
SERVER = JavacServer()

_BUG, _MAINTAINABILITY, _STYLE = Category.BUG, Category.MAINTAINABILITY, Category.STYLE
_HIGH, _MEDIUM, _LOW = Severity.HIGH, Severity.MEDIUM, Severity.LOW
# javac's warning codes (after `compiler.warn.`) that lint code, by what they mean for us.
_WARNINGS: dict[str, tuple[Category, Severity]] = {
    **dict.fromkeys(("div.zero", "self.ref"), (_BUG, _HIGH)),
    **dict.fromkeys(
        (
            *("empty.if", "possible.fall-through.into.case", "finally.cannot.complete"),
            *("override.equals.but.not.hashcode", "has.been.deprecated.for.removal"),
            *("attempt.to.synchronize.on.instance.of.value.based.class", "unreachable.catch"),
            *("unreachable.catch.1", "try.resource.throws.interrupted.exc", "improper.SVUID"),
            *("constant.SVUID", "long.SVUID"),
        ),
        (_BUG, _MEDIUM),
    ),
    **dict.fromkeys(
        (
            *("unchecked.assign", "unchecked.assign.to.var", "unchecked.call.mbr.of.raw.type"),
            *("unchecked.cast.to.type", "unchecked.generic.array.creation", "prob.found.req"),
            *("unchecked.meth.invocation.applied", "unchecked.varargs.non.reifiable.type"),
            *("override.unchecked.ret", "override.unchecked.thrown", "override.varargs.extra"),
            *("override.varargs.missing", "varargs.unsafe.use.varargs.param", "missing.SVUID"),
            *("inexact.non-varargs.call", "access.to.member.from.serializable.element"),
            "access.to.member.from.serializable.lambda",
        ),
        (_BUG, _LOW),
    ),
    **dict.fromkeys(
        (
            *("has.been.deprecated", "raw.class.use", "redundant.cast", "try.explicit.close.call"),
            *("try.resource.not.referenced", "potentially.ambiguous.overload", "sun.proprietary"),
            *("auxiliary.class.accessed.from.outside.of.its.source.file", "missing-explicit-ctor"),
            *("varargs.redundant.trustme.anno", "deprecated.annotation.has.no.effect"),
        ),
        (_MAINTAINABILITY, _LOW),
    ),
    **dict.fromkeys(
        (
            *("static.not.qualified.by.type", "missing.deprecated.annotation", "strictfp"),
            *("inconsistent.white.space.indentation", "trailing.white.space.will.be.removed"),
        ),
        (_STYLE, _LOW),
    ),
}
# Errors (after `compiler.err.`) that mean a type or package is not among the submitted files.
_RESOLUTION_ERRORS = frozenset(
    {
        *("doesnt.exist", "cant.resolve", "cant.resolve.location", "cant.resolve.args"),
        *("cant.resolve.location.args", "cant.resolve.location.args.params", "cant.access"),
        *("cant.resolve.args.params", "static.imp.only.classes.and.interfaces"),
    }
)
# Errors of how we lay the files out, not of the code.
_LAYOUT_ERRORS = frozenset({"class.public.should.be.in.file", "duplicate.class"})
# Compile errors no missing type can cause: flow and declaration errors within the code.
_STANDALONE_ERRORS = frozenset(
    {
        *("missing.ret.stmt", "unreachable.stmt", "var.might.not.have.been.initialized"),
        *("var.might.already.be.assigned", "var.might.be.assigned.in.loop", "already.defined"),
        *("var.not.initialized.in.default.constructor", "final.parameter.may.not.be.assigned"),
        *("try.resource.may.not.be.assigned", "initializer.must.be.able.to.complete.normally"),
        *("break.outside.switch.loop", "cont.outside.loop", "ret.outside.meth", "undef.label"),
    }
)
_PUBLIC_TYPE = re.compile(
    r"^[ \t]*public\s+(?:(?:abstract|final|sealed|non-sealed|static|strictfp)\s+)*"
    r"(?:class|interface|enum|record|@interface)\s+(\w+)",
    re.MULTILINE | re.ASCII,  # a file name the JVM reads the same in any locale
)
_MISSING_NAME = re.compile(r"package (\S+) does not exist|symbol:\s+\w+ (\w+)")


def analyze(files: Sequence[SourceFile]) -> list[AnalyzerOutput]:
    """Lint the files that parse, compiled together in one request to the server.

    Raises:
        AnalyzerError: javac is missing, fails or times out.
    """
    parses = [not syntax_check.analyze(file).findings for file in files]
    to_lint = [index for index, ok in enumerate(parses) if ok]
    diagnostics: list[JavacDiagnostic] = []
    if to_lint:
        with tempfile.TemporaryDirectory(prefix="review-javac-") as directory:
            paths = [_write(Path(directory), index, files[index]) for index in to_lint]
            diagnostics = SERVER.lint(paths, TIMEOUT_SECONDS)
    by_file: dict[int, list[JavacDiagnostic]] = {index: [] for index in to_lint}
    for diagnostic in diagnostics:
        if 0 <= diagnostic.file < len(to_lint):
            by_file[to_lint[diagnostic.file]].append(diagnostic)
    return [
        _output(by_file[index])
        if parses[index]
        else AnalyzerOutput(failure="skipped: the code does not parse")
        for index in range(len(files))
    ]


def _write(folder: Path, index: int, file: SourceFile) -> Path:
    """Write the file in its own folder, named after its public type as javac requires."""
    name = project_path(file).name
    if public_type := _PUBLIC_TYPE.search(file.code):
        name = f"{public_type[1]}.java"
    elif not name.endswith(".java"):
        name = "Submission.java"
    path = folder / str(index) / name
    path.parent.mkdir()
    path.write_bytes(file.code.encode("utf-8"))
    return path


def _code(diagnostic: JavacDiagnostic) -> tuple[str, str]:
    """`("warn", "div.zero")` for javac's `compiler.warn.div.zero`."""
    kind, _, rest = diagnostic.code.partition(".")[2].partition(".")
    return kind, rest


def _output(diagnostics: list[JavacDiagnostic]) -> AnalyzerOutput:
    """A file's lint findings and trusted compile errors; a note when names were missing.

    javac reports no error that involves a type it could not resolve, so in a file whose names
    all resolved, every compile error is real.
    """
    coded = [(diagnostic, *_code(diagnostic)) for diagnostic in diagnostics]
    unresolved = [d for d, kind, code in coded if kind == "err" and code in _RESOLUTION_ERRORS]
    findings = []
    for diagnostic, kind, code in coded:
        if kind == "warn" and diagnostic.kind in ("WARNING", "MANDATORY_WARNING"):
            category, severity = _WARNINGS.get(code, (_MAINTAINABILITY, _LOW))
            findings.append(_finding(diagnostic, code, category, severity, diagnostic.message))
        elif kind != "err" or code in _LAYOUT_ERRORS or code in _RESOLUTION_ERRORS:
            continue
        elif not unresolved or code in _STANDALONE_ERRORS:
            title = f"Does not compile: {diagnostic.message}"
            findings.append(_finding(diagnostic, code, _BUG, _HIGH, title))
    if unresolved:
        findings.append(_partial_note(unresolved))
    return AnalyzerOutput(findings=findings)


def _finding(
    diagnostic: JavacDiagnostic, rule: str, category: Category, severity: Severity, title: str
) -> Finding:
    first_line, _, rest = title.partition("\n")
    return Finding(
        title=first_line,
        detail=rest.strip() or f"javac -Xlint: {diagnostic.code}",
        severity=severity,
        category=category,
        line=max(diagnostic.line, 1),
        column=diagnostic.column or None,
        rule=rule,
        sources=[NAME],
    )


def _partial_note(unresolved: list[JavacDiagnostic]) -> Finding:
    """An info finding: which names javac could not resolve, so what it could not check."""
    names = [
        next(name for name in match.groups() if name)
        for diagnostic in unresolved
        for match in _MISSING_NAME.finditer(diagnostic.message)
    ]
    missing = ", ".join(dict.fromkeys(names)) or "some names"
    return Finding(
        title=f"javac's lint was partial: {missing} could not be resolved",
        detail="They come from outside the submitted code, so javac could not check what "
        "depends on them and compile errors are not reported; the warnings shown are the ones "
        "javac could still make. Submit the files they come from to check everything.",
        severity=Severity.INFO,
        category=_MAINTAINABILITY,
        line=max(min(diagnostic.line for diagnostic in unresolved), 1),
        rule="javac-partial",
        sources=[NAME],
    )


def _javac_version() -> str:
    """`javac=17.0.15`, from the JDK's release file (no JVM start), else from javac."""
    javac = shutil.which("javac")
    if javac is None:
        return "javac=missing"
    release = Path(javac).resolve().parents[1] / "release"
    if match := re.search(r'^JAVA_VERSION="([^"]+)"', _read(release), re.MULTILINE):
        return f"javac={match[1]}"
    try:
        completed = run_tool([javac, "-version"], tool="javac", timeout=30)
    except AnalyzerError:
        return "javac=missing"
    return f"javac={(completed.stdout or completed.stderr).strip().removeprefix('javac ')}"


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


ANALYZER = Analyzer(
    name=NAME,
    description="Java: javac's -Xlint warnings and compile errors, without the dependencies",
    run=guarded_batch(NAME, analyze),
    categories=frozenset({_BUG, _MAINTAINABILITY, _STYLE}),
    languages=frozenset({"java"}),
    tool_version=_javac_version,
    rule_count=lambda _language: len(_WARNINGS) + len(_STANDALONE_ERRORS),
)
