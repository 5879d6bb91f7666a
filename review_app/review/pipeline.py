"""The whole review of one piece of code: static analysis, LLM, merging, scoring.

Plain Python with every setting passed in, so a Celery task, a script or a test can run it.
"""

from collections.abc import Callable

from review_app.review.analyzers.analyzer import SourceFile
from review_app.review.analyzers.static_analysis import run_static_analysis
from review_app.review.languages import resolve_language, submission_filename
from review_app.review.llm.review import review_with_llm
from review_app.review.merging import merge_findings
from review_app.review.models import CodeMetrics, LLMConfig, ReviewResult, Stage
from review_app.review.scoring import category_scores, overall_score
from review_app.review.source_text import split_lines
from review_app.review.summary import summarize
from review_app.review.version import analyzer_version

ProgressCallback = Callable[[Stage], None]


def run_review(
    language: str,
    code: str,
    llm: LLMConfig,
    on_progress: ProgressCallback | None = None,
) -> ReviewResult:
    """Review `code`; a failing analyzer or LLM is recorded in the result, never raised.

    Raises:
        UnsupportedLanguageError: `language` is not one the pipeline reviews.
    """
    language = resolve_language(language, None)

    def report(stage: Stage) -> None:
        if on_progress is not None:
            on_progress(stage)

    report(Stage.STATIC_ANALYSIS)
    [static] = run_static_analysis([SourceFile(submission_filename(language), language, code)])
    report(Stage.LLM)
    llm_outcome = review_with_llm(language, code, static.findings, llm)
    report(Stage.MERGING)
    findings = merge_findings([*static.findings, *llm_outcome.findings])
    score = overall_score(findings, llm_outcome.rubric)
    return ReviewResult(
        language=language,
        score=score,
        category_scores=category_scores(findings, llm_outcome.rubric),
        rubric=llm_outcome.rubric,
        summary=summarize(findings, score, llm_outcome.summary),
        findings=findings,
        llm=llm_outcome.status,
        metrics=CodeMetrics(lines=len(split_lines(code)), **static.metrics),
        tool_errors=static.tool_errors,
        analyzers=static.analyzers,
        analyzer_version=analyzer_version(),
    )
