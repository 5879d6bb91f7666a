"""The LLM half of a review: never raises, always says what happened in an `LLMStatus`.

Long code is reviewed in parts (one request each); their rubrics are averaged by lines, their
findings and verdicts gathered. The model's answer is untrusted too: a verdict on an id the
prompt did not give is ignored, and text quoting the instructions is withheld.
"""

import logging
from dataclasses import dataclass, field

from review_app.review.errors import LLMUnavailableError
from review_app.review.llm.answer_parsing import parse_answer
from review_app.review.llm.call_errors import count_unexpected_failure, count_unreadable_answer
from review_app.review.llm.client import Completion, request_completion
from review_app.review.llm.guard import withhold_leaks
from review_app.review.llm.normalize import normalize_findings
from review_app.review.llm.prompt import Prompt, build_prompts, finding_id
from review_app.review.llm.rubrics import average_rubric
from review_app.review.llm.schema import LLMReview
from review_app.review.models import Finding, LLMConfig, LLMStatus, Rubric, Verdict

logger = logging.getLogger(__name__)

NO_LLM_REASON = "no LLM configured"
_VERDICT_WORDS = {
    "confirm": "confirmed",
    "confirmed": "confirmed",
    "real": "confirmed",
    "valid": "confirmed",
    "true_positive": "confirmed",
    "dismiss": "dismissed",
    "dismissed": "dismissed",
    "false_positive": "dismissed",
    "false_alarm": "dismissed",
    "reject": "dismissed",
}


@dataclass(frozen=True)
class LLMOutcome:
    """What the LLM added to the review, if anything."""

    status: LLMStatus
    findings: list[Finding] = field(default_factory=list)
    rubric: Rubric | None = None
    summary: str | None = None
    verdicts: dict[int, Verdict] = field(default_factory=dict)  # static finding index -> verdict


@dataclass
class _Answers:
    """The parts answered so far, and what the user should know about the others."""

    reviews: list[tuple[Prompt, LLMReview]] = field(default_factory=list)
    completions: list[Completion] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def review_with_llm(
    file: tuple[str, str, str], static_findings: list[Finding], config: LLMConfig
) -> LLMOutcome:
    """Ask the LLM for a rubric, verdicts on the static findings and findings of its own.

    `file` is (language, file name, code).
    """
    language, filename, code = file
    if not config.base_url:
        return LLMOutcome(LLMStatus(state="skipped", reason=NO_LLM_REASON))
    prompts = build_prompts(
        language, filename, code, static_findings, config.max_tokens, config.max_parts
    )
    if not prompts:
        reason = f"the {config.max_tokens}-token budget leaves no room for the code"
        return LLMOutcome(LLMStatus(state="skipped", reason=reason, model=config.model))
    answers = _ask(prompts, config)
    if not answers.reviews:
        reason = "; ".join(answers.notes) or "the LLM gave no usable answer"
        return LLMOutcome(_status(answers, config, reason))
    return _outcome(answers, code, static_findings, config)


def _ask(prompts: list[Prompt], config: LLMConfig) -> _Answers:
    """One request per part; a part that fails is noted, the others still count."""
    answers = _Answers()
    for number, prompt in enumerate(prompts, start=1):
        where = f"lines {prompt.first_line}-{prompt.last_line}: " if len(prompts) > 1 else ""
        try:
            completion = request_completion(config, prompt.messages, prompt.answer_tokens)
        except LLMUnavailableError as exc:
            answers.notes.append(f"{where}{exc}")
            continue
        except Exception as exc:  # an unforeseen client failure must not sink the review
            logger.exception("LLM call %d failed unexpectedly", number)
            count_unexpected_failure()
            answers.notes.append(f"{where}LLM call failed unexpectedly ({type(exc).__name__})")
            continue
        answers.completions.append(completion)
        try:
            answers.reviews.append(
                (prompt, parse_answer(completion.content, completion.finish_reason))
            )
        except LLMUnavailableError as exc:
            count_unreadable_answer()
            answers.notes.append(f"{where}{exc}")
    return answers


def _outcome(
    answers: _Answers, code: str, static_findings: list[Finding], config: LLMConfig
) -> LLMOutcome:
    """The answered parts as one outcome: findings, verdicts, rubric and summary."""
    findings: list[Finding] = []
    verdicts: dict[int, Verdict] = {}
    ids = {finding_id(index): index for index in range(len(static_findings))}
    notes = list(answers.notes)
    for prompt, review in answers.reviews:
        normalized = normalize_findings(review.findings, code)
        findings += [
            f for f in normalized.findings if prompt.first_line <= f.line <= prompt.last_line
        ]
        verdicts |= _verdicts(review, ids, prompt)
        if normalized.dropped_out_of_range:
            notes.append(
                f"dropped {normalized.dropped_out_of_range} LLM finding(s) outside the code"
            )
        if normalized.dropped_fixes:
            notes.append(f"removed {normalized.dropped_fixes} LLM fix(es) that did not apply")
    notes += _coverage_notes([prompt for prompt, _ in answers.reviews], config.max_tokens)
    rubric = average_rubric([(review.rubric, p.shown_lines) for p, review in answers.reviews])
    summary = " ".join(review.summary.strip() for _, review in answers.reviews if review.summary)
    findings, verdicts, summary, rubric, leaked = withhold_leaks(
        findings, verdicts, summary, rubric
    )
    if leaked:
        notes.append("withheld LLM text that quoted review_app's instructions")
    return LLMOutcome(
        status=_status(answers, config, "; ".join(notes) or None, state="ok"),
        findings=findings,
        rubric=rubric,
        summary=summary or None,
        verdicts=verdicts,
    )


def _verdicts(review: LLMReview, ids: dict[str, int], prompt: Prompt) -> dict[int, Verdict]:
    """The verdicts naming findings this part showed; unknown ids and words are ignored."""
    kept = {}
    for item in review.verdicts:
        index = ids.get(item.id.upper())
        word = _VERDICT_WORDS.get(item.verdict.strip().lower().replace(" ", "_").replace("-", "_"))
        if index is None or word is None or index not in prompt.shown_findings:
            continue
        kept[index] = Verdict(state=word, reason=item.reason.strip()[:500])
    return kept


def _coverage_notes(prompts: list[Prompt], max_tokens: int) -> list[str]:
    """Say when the answered parts left lines of the code unseen."""
    if not prompts:
        return []
    total = prompts[0].total_lines
    shown = sum(prompt.shown_lines for prompt in prompts)
    if shown >= total:
        return []
    return [f"the LLM saw {shown} of {total} lines within its {max_tokens}-token requests"]


def _status(
    answers: _Answers, config: LLMConfig, reason: str | None, state: str = "unavailable"
) -> LLMStatus:
    """The status of the calls, with their token usage summed."""
    return LLMStatus(
        state=state,
        reason=reason,
        model=config.model,
        prompt_tokens=sum(c.prompt_tokens for c in answers.completions),
        completion_tokens=sum(c.completion_tokens for c in answers.completions),
        total_tokens=sum(c.total_tokens for c in answers.completions),
    )
