"""A toy analyzer, written as a new analyzer would be: this module plus one registry line."""

import re

from review_app.review.analyzers.analyzer import Analyzer, AnalyzerOutput, SourceFile, per_file
from review_app.review.models import Category, Finding, Severity

NAME = "todo-finder"
_TODO = re.compile(r"\bTODO\b")


def analyze(file: SourceFile) -> AnalyzerOutput:
    """A low finding on every line that leaves a TODO behind."""
    findings = [
        Finding(
            title="A TODO is left in the code",
            severity=Severity.LOW,
            category=Category.DOCUMENTATION,
            line=number,
            rule="todo-left",
            sources=[NAME],
        )
        for number, line in enumerate(file.code.splitlines(), start=1)
        if _TODO.search(line)
    ]
    return AnalyzerOutput(findings=findings)


ANALYZER = Analyzer(
    name=NAME,
    description="TODO comments left in Go and Python code",
    run=per_file(analyze),
    categories=frozenset({Category.DOCUMENTATION}),
    languages=frozenset({"python", "go"}),
    packages=("pytest",),
)
