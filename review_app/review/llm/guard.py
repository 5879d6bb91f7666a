"""The model's answer is untrusted text too: what quotes review_app's instructions is withheld.

Code under review may ask the model to reveal its instructions; a model that obeys would put
them in its summary, a finding or a reason. Any line of the instructions long enough to be
distinctive, found in an answer's text (whitespace and case aside), withholds that text.
"""

import re

from review_app.review.llm.prompt import SYSTEM_PROMPT
from review_app.review.models import Finding, Rubric, Verdict

WITHHELD = "[withheld: this text quoted review_app's instructions to the model]"
_MIN_QUOTE_CHARS = 40


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


_INSTRUCTION_LINES = tuple(
    squeezed
    for line in SYSTEM_PROMPT.splitlines()
    if len(squeezed := _squeezed(line)) >= _MIN_QUOTE_CHARS
)


def quotes_instructions(text: str) -> bool:
    """Whether `text` holds a distinctive line of the instructions."""
    squeezed = _squeezed(text)
    return any(line in squeezed for line in _INSTRUCTION_LINES)


def _clean(text: str) -> tuple[str, bool]:
    return (WITHHELD, True) if quotes_instructions(text) else (text, False)


def withhold_leaks(
    findings: list[Finding],
    verdicts: dict[int, Verdict],
    summary: str,
    rubric: Rubric | None,
) -> tuple[list[Finding], dict[int, Verdict], str, Rubric | None, bool]:
    """The answer with every text that quotes the instructions replaced; whether any did."""
    leaked = False
    summary, hit = _clean(summary)
    leaked |= hit
    cleaned_findings = []
    for finding in findings:
        title, hit_title = _clean(finding.title)
        detail, hit_detail = _clean(finding.detail)
        leaked |= hit_title or hit_detail
        cleaned_findings.append(finding.model_copy(update={"title": title, "detail": detail}))
    cleaned_verdicts = {}
    for index, verdict in verdicts.items():
        reason, hit = _clean(verdict.reason)
        leaked |= hit
        cleaned_verdicts[index] = verdict.model_copy(update={"reason": reason})
    if rubric is not None:
        marks = rubric.model_dump()
        for mark in marks.values():
            mark["reason"], hit = _clean(mark["reason"])
            leaked |= hit
        rubric = Rubric.model_validate(marks)
    return cleaned_findings, cleaned_verdicts, summary, rubric, leaked
