"""The whole review of code: static analysis, LLM, merging, scoring.

Plain Python with every setting passed in, so a Celery task, a script or a test can run it.
"""

from collections.abc import Callable, Sequence

from review_app.review.analyzers import registry
from review_app.review.analyzers.analyzer import SourceFile
from review_app.review.analyzers.static_analysis import StaticAnalysis, run_static_analysis
from review_app.review.context import apply_context
from review_app.review.custom_rules import custom_analyzers
from review_app.review.inline_suppressions import InlineSuppressions
from review_app.review.languages import resolve_language, submission_filename
from review_app.review.llm.review import LLMOutcome, review_with_llm
from review_app.review.merging import merge_findings
from review_app.review.models import CodeMetrics, LLMConfig, ReviewContext, ReviewResult, Stage
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
    context: ReviewContext | None = None,
) -> ReviewResult:
    """Review one piece of code (in `context`, a file of a project); a failing analyzer or LLM
    is recorded, never raised.

    Raises:
        UnsupportedLanguageError: `language` is not one the pipeline reviews.
    """
    language = resolve_language(language, None)
    file = SourceFile(submission_filename(language), language, code)
    [result] = review_files([file], llm, on_progress, [context] if context else None)
    return result


def review_files(
    files: Sequence[SourceFile],
    llm: LLMConfig,
    on_progress: ProgressCallback | None = None,
    contexts: Sequence[ReviewContext] | None = None,
) -> list[ReviewResult]:
    """Review several files, each analyzer running once over all the files of its languages;
    each file's context (when given) leaves out the findings its project does not want.

    The files' languages must be canonical names (see `resolve_language`).
    """

    def report(stage: Stage) -> None:
        if on_progress is not None:
            on_progress(stage)

    report(Stage.STATIC_ANALYSIS)
    contexts = contexts or [ReviewContext()] * len(files)
    custom, switched_off = custom_analyzers(contexts)
    static = run_static_analysis(
        files, analyzers=[*registry.ANALYZERS, *custom], switched_off=switched_off
    )
    inlines = [InlineSuppressions(file.code, file.language) for file in files]
    left_out = []
    for analysis, context, inline in zip(static, contexts, inlines, strict=True):
        # One finding per defect, without those the context or the code leave out, before the LLM.
        kept, suppressed = apply_context(merge_findings(analysis.findings), context, inline)
        analysis.findings[:] = kept
        left_out.append(suppressed)
    if llm.base_url:  # no stage that will not run: without an LLM, static analysis to merging
        report(Stage.LLM)
    outcomes = [
        review_with_llm((file.language, file.path, file.code), analysis.findings, llm)
        for file, analysis in zip(files, static, strict=True)
    ]
    for outcome, context, inline, suppressed in zip(
        outcomes, contexts, inlines, left_out, strict=True
    ):
        kept, llm_left_out = apply_context(outcome.findings, context, inline)
        outcome.findings[:] = kept
        suppressed.extend(llm_left_out)
    report(Stage.MERGING)
    return [
        _result(file, analysis, outcome).model_copy(
            update={"context": None if context.is_default else context, "suppressed": suppressed}
        )
        for file, analysis, outcome, context, suppressed in zip(
            files, static, outcomes, contexts, left_out, strict=True
        )
    ]


def _result(file: SourceFile, static: StaticAnalysis, llm_outcome: LLMOutcome) -> ReviewResult:
    """One file's result: its findings merged across tools and the LLM, then scored."""
    judged = [
        finding.model_copy(update={"verdict": llm_outcome.verdicts[index]})
        if index in llm_outcome.verdicts
        else finding
        for index, finding in enumerate(static.findings)
    ]
    findings = merge_findings([*judged, *llm_outcome.findings])
    score = overall_score(findings, llm_outcome.rubric)
    return ReviewResult(
        language=file.language,
        score=score,
        category_scores=category_scores(findings, llm_outcome.rubric, static.checked),
        rubric=llm_outcome.rubric,
        summary=summarize(findings, score, llm_outcome.summary),
        findings=findings,
        llm=llm_outcome.status,
        metrics=CodeMetrics(lines=len(split_lines(file.code)), **static.metrics),
        tool_errors=static.tool_errors,
        analyzers=static.analyzers,
        analyzer_version=analyzer_version(),
    )
