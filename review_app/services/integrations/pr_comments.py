"""What review_app writes on a pull request: an inline comment per new finding (with the fix as
a suggestion the author can commit), and one summary comment. Every string a finding carries
is escaped: a file name or message is text, never markup."""

import difflib
import re
from dataclasses import dataclass

from review_app.exports import findings as described
from review_app.exports.markdown import code_span, inline_text
from review_app.review.diffs import apply_unified_diff
from review_app.review.errors import PatchApplyError
from review_app.review.models import Finding, Severity
from review_app.review.source_text import split_lines

SUMMARY_MARK = "<!-- review_app:summary -->"
FIXED_MARK = "✅ Fixed in"
# Ends each inline comment: a run that died after posting finds what it posted by this.
_FINGERPRINT_MARK = re.compile(r"<!-- review_app:finding (?P<fingerprint>[0-9a-f]{1,64}) -->")
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,\d+)? @@")
_ICONS = {
    Severity.CRITICAL: "🛑",
    Severity.HIGH: "🔴",
    Severity.MEDIUM: "🟠",
    Severity.LOW: "🔵",
    Severity.INFO: "⚪",
}


@dataclass(frozen=True)
class Suggestion:
    """Lines `start`..`end` of the head version replaced by `text` (GitHub's suggestion)."""

    start: int
    end: int
    text: str


def commentable_lines(patch: str) -> set[int]:
    """The head version's lines a pull request's diff shows (added or context): only those take
    inline comments."""
    lines: set[int] = set()
    line = 0
    for text in patch.splitlines():
        if hunk := _HUNK.match(text):
            line = int(hunk["start"])
        elif line and not text.startswith(("-", "\\")):
            lines.add(line)
            line += 1
    return lines


def suggestion(finding: Finding, code: str, commentable: set[int]) -> Suggestion | None:
    """The finding's fix as replacement lines, when it rewrites lines the diff shows."""
    if not finding.suggested_fix:
        return None
    try:
        fixed = apply_unified_diff(code, finding.suggested_fix)
    except PatchApplyError:
        return None
    before, after = split_lines(code), split_lines(fixed)
    changes = [
        opcode
        for opcode in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
        if opcode[0] != "equal"
    ]
    if len(changes) != 1 or changes[0][1] == changes[0][2]:
        return None  # several places, or a pure insertion: no one range to suggest on
    _, first, last, new_first, new_last = changes[0]
    if not set(range(first + 1, last + 1)) <= commentable:
        return None
    return Suggestion(first + 1, last, "\n".join(after[new_first:new_last]))


def inline_body(
    finding: Finding,
    fingerprint: str,
    rule_link: str,
    fix: Suggestion | None,
    *,
    lines_above_in_header: bool,
) -> str:
    """An inline comment: severity, category, rule (linked), message, and the fix to commit.

    The comment sits on the fix's last line; GitHub takes the lines above from the comment's
    range, GitLab from the suggestion's header (`lines_above_in_header`)."""
    rule = code_span(described.rule_id(finding))
    if rule_link:
        rule = f"[{rule}]({rule_link})"
    heading = (
        f"{_ICONS[finding.severity]} **{finding.severity.value}** · {finding.category.value} · "
        f"{rule}"
    )
    body = f"{heading}\n\n{inline_text(described.message(finding))}"
    if fix is not None:
        fence = "`" * max(3, _longest_backtick_run(fix.text) + 1)
        header = f"suggestion:-{fix.end - fix.start}+0" if lines_above_in_header else "suggestion"
        body += f"\n\n{fence}{header}\n{fix.text}\n{fence}"
    return f"{body}\n\n<!-- review_app:finding {fingerprint} -->"


def fingerprint_in(body: str) -> str | None:
    """The fingerprint an inline comment of ours carries (None: not ours)."""
    found = _FINGERPRINT_MARK.search(body)
    return found["fingerprint"] if found else None


def fixed_body(original: str, head_sha: str) -> str:
    """An inline comment whose finding later commits fixed: marked so, with the commit."""
    return (
        f"✅ Fixed in {head_sha[:12]}.\n\n<details><summary>Was</summary>\n\n{original}\n</details>"
    )


@dataclass(frozen=True)
class SummaryFacts:
    """What the summary comment says."""

    new: list[Finding]
    fixed: int
    score: int | None
    passed: bool
    fail_on: Severity
    outside_diff: int  # new findings on lines the diff does not show (listed, not commented)
    note: str | None
    review_link: str


def summary_body(facts: SummaryFacts) -> str:
    """The one summary comment, edited in place on every push."""
    counts = {severity: 0 for severity in Severity}
    for finding in facts.new:
        counts[finding.severity] += 1
    by_severity = ", ".join(f"{n} {severity.value}" for severity, n in counts.items() if n)
    verdict = (
        "✅ passes" if facts.passed else f"❌ fails (new findings at {facts.fail_on} or above)"
    )
    lines = [
        SUMMARY_MARK,
        f"### review_app: {len(facts.new)} new finding{'s' if len(facts.new) != 1 else ''}"
        + (f" ({by_severity})" if by_severity else ""),
        "",
        f"- Check: {verdict}",
        f"- Fixed by this pull request: {facts.fixed}",
    ]
    if facts.score is not None:
        lines.append(f"- Score of the changed files: {facts.score}/100")
    if facts.outside_diff:
        lines.append(f"- New findings outside the changed lines: {facts.outside_diff}")
    if facts.note:
        lines.append(f"- {inline_text(facts.note)}")
    if facts.review_link:
        lines += ["", f"[The full review in review_app]({facts.review_link})"]
    return "\n".join(lines) + "\n"


def _longest_backtick_run(text: str) -> int:
    return max((len(run) for run in re.findall(r"`+", text)), default=0)
