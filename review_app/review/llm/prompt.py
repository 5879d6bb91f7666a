"""The rubric prompt, fitted into the token budget of one review.

The budget (`LLMConfig.max_tokens`) covers both directions: a third (at least 256 tokens) is
kept for the answer and sent as `max_tokens`, the rest bounds the prompt. Without a tokenizer,
tokens are estimated at 3 characters each, which over-counts for prose and fits code. Code that
does not fit is cut at a line boundary and the model is told so.
"""

from dataclasses import dataclass

from review_app.review.languages import submission_filename
from review_app.review.models import Finding
from review_app.review.source_text import split_lines

CHARS_PER_TOKEN = 3
_MIN_ANSWER_TOKENS = 256
_MAX_CONTEXT_FINDINGS = 40
_FRAMING_CHARS = 32  # blank lines and the code fence around the numbered lines

SYSTEM_PROMPT = """You are a senior engineer reviewing code for a colleague.
Grade the code on five dimensions, each an integer 0-10 (10 = flawless) with a one-sentence reason:
correctness, security, performance, readability, maintainability.
Report concrete problems as findings. Static analyzers have already run; their findings are
listed for you: do not repeat them, report what they missed (logic errors, unsafe data flow,
wrong edge cases, slow algorithms, unclear design).

Answer with one JSON object and nothing else, shaped like:
{"summary": "two sentences for the author",
 "rubric": {"correctness": {"score": 7, "reason": "..."}, "security": {...},
            "performance": {...}, "readability": {...}, "maintainability": {...}},
 "findings": [{"title": "short title", "detail": "why it matters and how to fix it",
               "severity": "high", "category": "bug",
               "line": 12, "end_line": null, "suggested_fix": null}]}

Rules:
- "severity" is one of critical, high, medium, low, info.
- "category" is one of bug, security, performance, maintainability, style, complexity,
  documentation.
- "line" is the number shown before " | " in the code; never point outside the code.
- "suggested_fix" is null or a unified diff against the original code (without the line-number
  prefixes) with "--- a/FILE" and "+++ b/FILE" headers and exact @@ hunk ranges and context.
- Report only real problems; an empty findings list is a fine answer."""


@dataclass(frozen=True)
class Prompt:
    """The chat messages, the answer's token allowance, and how much of the code they show."""

    messages: list[dict[str, str]]
    answer_tokens: int
    shown_lines: int
    total_lines: int


def answer_allowance(max_tokens: int) -> int:
    """The part of the budget kept for the model's answer."""
    return max(_MIN_ANSWER_TOKENS, max_tokens // 3)


def build_prompt(
    language: str, code: str, static_findings: list[Finding], max_tokens: int
) -> Prompt:
    """The rubric prompt for `code`, cut to fit `max_tokens` (shown_lines may be 0)."""
    answer_tokens = answer_allowance(max_tokens)
    lines = split_lines(code)
    context = _static_context(static_findings)
    room = (max_tokens - answer_tokens) * CHARS_PER_TOKEN
    room -= (
        len(SYSTEM_PROMPT) + len(context) + len(_intro(language, 0, len(lines))) + _FRAMING_CHARS
    )
    numbered = _lines_that_fit(lines, room)
    user = (
        f"{_intro(language, len(numbered), len(lines))}\n\n{context}\n\n"
        f"```{language}\n" + "\n".join(numbered) + "\n```"
    )
    messages = [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}]
    return Prompt(messages, answer_tokens, len(numbered), len(lines))


def _intro(language: str, shown: int, total: int) -> str:
    """What the model is looking at, including that the code was cut."""
    cut = ""
    if shown < total:
        cut = f" Only the first {shown} of its {total} lines fit in this review."
    return (
        f"Review this {language} code (file {submission_filename(language)}).{cut} "
        'Each line starts with its number and " | "; the numbers are not part of the code.'
    )


def _static_context(findings: list[Finding]) -> str:
    """The static findings, worst first, as a list the model can skip over."""
    if not findings:
        return "The static analyzers reported nothing."
    worst_first = sorted(findings, key=lambda f: (-f.severity.rank, f.line))
    shown = worst_first[:_MAX_CONTEXT_FINDINGS]
    items = [
        f"- line {f.line} [{f.category.value}/{f.severity.value}] {f.rule or ''}: {f.title}"
        for f in shown
    ]
    more = len(findings) - len(shown)
    if more:
        items.append(f"- ... and {more} less severe ones")
    return "Already reported by static analyzers (do not repeat):\n" + "\n".join(items)


def _lines_that_fit(lines: list[str], room: int) -> list[str]:
    """The numbered lines, from the top, whose total length stays within `room` characters."""
    numbered: list[str] = []
    for number, line in enumerate(lines, start=1):
        entry = f"{number:>5} | {line}"
        room -= len(entry) + 1
        if room < 0:
            break
        numbered.append(entry)
    return numbered
