"""Radon (Python only, in-process): cyclomatic complexity per function and maintainability index."""

from collections.abc import Iterator

from radon.complexity import cc_visit
from radon.metrics import mi_visit
from radon.visitors import Class, Function

from review_app.review.analyzers.analyzer import Analyzer, AnalyzerOutput, SourceFile, per_file
from review_app.review.analyzers.complexity import COMPLEXITY_LIMIT, complexity_finding
from review_app.review.analyzers.parse_lock import PYTHON_PARSE_LOCK
from review_app.review.models import Category, Finding, Severity

NAME = "radon"

# Radon ranks the index A (20-100), B (10-19), C (0-9); below A the code is hard to maintain.
_MI_MODERATE = 20
_MI_LOW = 10


def analyze(file: SourceFile) -> AnalyzerOutput:
    """Flag complex functions and a low maintainability index.

    Raises:
        SyntaxError: the code does not parse (the syntax analyzer reports where).
    """
    with PYTHON_PARSE_LOCK:
        blocks = cc_visit(file.code)
        index = round(mi_visit(file.code, multi=True), 1)
    findings = [
        complexity_finding(
            name=function.fullname,
            line=function.lineno,
            end_line=function.endline,
            complexity=function.complexity,
            source=NAME,
        )
        for function in _functions(blocks)
        if function.complexity > COMPLEXITY_LIMIT
    ]
    if index < _MI_MODERATE:
        findings.append(_maintainability_finding(index))
    return AnalyzerOutput(findings=findings, metrics={"maintainability_index": index})


def _functions(blocks: list[Function | Class]) -> Iterator[Function]:
    """Every function, method and nested function.

    `cc_visit` lists methods beside their class but keeps nested functions inside their parent.
    """
    for block in blocks:
        if isinstance(block, Function):
            yield block
            yield from _functions(block.closures)


def _maintainability_finding(index: float) -> Finding:
    """A whole-file finding for a maintainability index below radon's rank A."""
    return Finding(
        title=f"Low maintainability index ({index:.0f}/100)",
        detail="Radon's index combines volume, complexity and size; under 20 the code is "
        "costly to change. Shorter functions with fewer branches raise it.",
        severity=Severity.MEDIUM if index < _MI_LOW else Severity.LOW,
        category=Category.MAINTAINABILITY,
        line=1,
        rule="maintainability-index",
        sources=[NAME],
    )


ANALYZER = Analyzer(
    name=NAME,
    description="Python complexity per function and maintainability index",
    run=per_file(analyze),
    categories=frozenset({Category.COMPLEXITY, Category.MAINTAINABILITY}),
    languages=frozenset({"python"}),
    packages=("radon",),
)
