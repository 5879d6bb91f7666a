"""The LLM half of a review: never raises, always says what happened in an `LLMStatus`."""

import logging
from dataclasses import dataclass, field

from review_app.review.errors import LLMUnavailableError
from review_app.review.llm.answer_parsing import parse_answer
from review_app.review.llm.client import Completion, request_completion
from review_app.review.llm.normalize import NormalizedFindings, normalize_findings
from review_app.review.llm.prompt import Prompt, build_prompt
from review_app.review.models import Finding, LLMConfig, LLMState, LLMStatus, Rubric

logger = logging.getLogger(__name__)

NO_LLM_REASON = "no LLM configured"


@dataclass(frozen=True)
class LLMOutcome:
    """What the LLM added to the review, if anything."""

    status: LLMStatus
    findings: list[Finding] = field(default_factory=list)
    rubric: Rubric | None = None
    summary: str | None = None


def review_with_llm(
    language: str, code: str, static_findings: list[Finding], config: LLMConfig
) -> LLMOutcome:
    """Ask the LLM for a rubric and extra findings, with the static findings as context."""
    if not config.base_url:
        return LLMOutcome(LLMStatus(state="skipped", reason=NO_LLM_REASON))
    prompt = build_prompt(language, code, static_findings, config.max_tokens)
    if prompt.shown_lines == 0:
        reason = f"the {config.max_tokens}-token budget leaves no room for the code"
        return LLMOutcome(LLMStatus(state="skipped", reason=reason, model=config.model))
    try:
        completion = request_completion(config, prompt.messages, prompt.answer_tokens)
    except LLMUnavailableError as exc:
        return LLMOutcome(LLMStatus(state="unavailable", reason=str(exc), model=config.model))
    except Exception as exc:  # an unforeseen client failure must not sink the static review
        logger.exception("LLM call failed unexpectedly")
        reason = f"LLM call failed unexpectedly ({type(exc).__name__})"
        return LLMOutcome(LLMStatus(state="unavailable", reason=reason, model=config.model))
    try:
        review = parse_answer(completion.content, completion.finish_reason)
    except LLMUnavailableError as exc:
        return LLMOutcome(_status(completion, config, "unavailable", [str(exc)]))
    normalized = normalize_findings(review.findings, code)
    notes = _notes(prompt, normalized, config.max_tokens)
    return LLMOutcome(
        status=_status(completion, config, "ok", notes),
        findings=normalized.findings,
        rubric=review.rubric,
        summary=review.summary or None,
    )


def _status(
    completion: Completion, config: LLMConfig, state: LLMState, notes: list[str]
) -> LLMStatus:
    """The status of an answered call, with its token usage."""
    return LLMStatus(
        state=state,
        reason="; ".join(notes) or None,
        model=config.model,
        prompt_tokens=completion.prompt_tokens,
        completion_tokens=completion.completion_tokens,
        total_tokens=completion.total_tokens,
    )


def _notes(prompt: Prompt, normalized: NormalizedFindings, max_tokens: int) -> list[str]:
    """What the user should know about an LLM review that worked."""
    notes = []
    if prompt.shown_lines < prompt.total_lines:
        notes.append(
            f"code truncated to the first {prompt.shown_lines} of {prompt.total_lines} lines "
            f"to fit the {max_tokens}-token budget"
        )
    if normalized.dropped_out_of_range:
        notes.append(f"dropped {normalized.dropped_out_of_range} LLM finding(s) outside the code")
    if normalized.dropped_fixes:
        notes.append(f"removed {normalized.dropped_fixes} LLM fix(es) that did not apply")
    return notes
