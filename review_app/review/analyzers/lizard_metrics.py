"""Lizard: per-function complexity and length for every language, in-process."""

import lizard

from review_app.review.analyzers.analyzer import Analyzer, AnalyzerOutput, SourceFile, per_file
from review_app.review.analyzers.complexity import (
    COMPLEXITY_LIMIT,
    LENGTH_LIMIT,
    complexity_finding,
    length_finding,
)
from review_app.review.languages import submission_filename
from review_app.review.models import Category, Finding

NAME = "lizard"


def analyze(file: SourceFile) -> AnalyzerOutput:
    """Flag complex or long functions and measure the code's size and complexity."""
    info = lizard.analyze_file.analyze_source_code(submission_filename(file.language), file.code)
    findings: list[Finding] = []
    for function in info.function_list:
        if function.cyclomatic_complexity > COMPLEXITY_LIMIT:
            findings.append(
                complexity_finding(
                    name=function.name,
                    line=function.start_line,
                    end_line=function.end_line,
                    complexity=function.cyclomatic_complexity,
                    source=NAME,
                )
            )
        if function.length > LENGTH_LIMIT:
            findings.append(
                length_finding(
                    name=function.name,
                    line=function.start_line,
                    end_line=function.end_line,
                    length=function.length,
                    source=NAME,
                )
            )
    complexities = [function.cyclomatic_complexity for function in info.function_list]
    metrics: dict[str, float | int] = {"code_lines": info.nloc, "functions": len(complexities)}
    if complexities:
        metrics["max_complexity"] = max(complexities)
        metrics["average_complexity"] = round(sum(complexities) / len(complexities), 2)
    return AnalyzerOutput(findings=findings, metrics=metrics)


ANALYZER = Analyzer(
    name=NAME,
    description="function complexity and length, every language",
    run=per_file(analyze),
    categories=frozenset({Category.COMPLEXITY, Category.MAINTAINABILITY}),
    packages=("lizard",),
)
