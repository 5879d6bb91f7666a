"""Markdown fit to paste into a pull-request comment: a summary table, then a section per file."""

import html
import re
from collections.abc import Sequence

from review_app.exports import findings as described
from review_app.exports.documents import TOOL_NAME, Decided, FileReview
from review_app.review.diffs import with_file_name
from review_app.review.models import Category, Finding, Severity

_LOUD = (Severity.CRITICAL, Severity.HIGH)
_QUIET = (Category.STYLE, Category.DOCUMENTATION)  # grouped and collapsed after the rest
_CODE_SPAN = re.compile(r"(?<!`)(?P<fence>`+)(?!`)(?P<content>.+?)(?<!`)(?P=fence)(?!`)")
_MARKUP = re.compile(r"([\\`*_\[\]~])")
_BLOCK_START = re.compile(r"^(\d*)([#+\-=]|(?<=\d)[.)])")


def to_markdown(files: Sequence[FileReview]) -> str:
    """The reviews of `files`; within a file, the most severe findings come first."""
    every_finding = [finding for file in files for finding in file.open_findings()]
    counts = described.describe_counts(described.severity_counts(every_finding))
    plural = "" if len(files) == 1 else "s"
    blocks = [
        f"## {TOOL_NAME} review: {len(every_finding)} finding"
        f"{'' if len(every_finding) == 1 else 's'} in {len(files)} file{plural}",
        _overview(files) if files else "Nothing was reviewed.",
    ]
    if every_finding:
        blocks.insert(1, f"**{counts}**")
    blocks.extend(_file_section(file) for file in files)
    return "\n\n".join(blocks) + "\n"


def _overview(files: Sequence[FileReview]) -> str:
    """One row per file: language, score and finding counts."""
    rows = ["| File | Language | Score | Findings |", "|---|---|---:|---|"]
    for file in files:
        counts = described.describe_counts(described.severity_counts(file.open_findings()))
        cells = (
            code_span(file.path),
            _text(file.result.language),
            f"{file.result.score}/100",
            counts,
        )
        rows.append(_row(cells))
    return "\n".join(rows)


def _file_section(file: FileReview) -> str:
    """A file's score, summary, findings table and suggested fixes."""
    result = file.result
    parts = [
        f"### {code_span(file.path)} · {result.score}/100",
        inline_text(result.summary),
        f"*{inline_text(described.analyzers_line(result))}*",
    ]
    ranked = sorted(file.open_findings(), key=_weight)
    decided = file.decided_findings()
    if file.baseline is not None:
        new = len(file.shown_findings())
        parts.append(
            f"New in this change: {new}; fixed: {len(file.baseline.fixed)}; "
            f"unchanged (not listed): {len(result.findings) - new}."
        )
    leading = [finding for finding in ranked if finding.category not in _QUIET]
    quiet = [finding for finding in ranked if finding.category in _QUIET]
    if leading:
        parts.append(_findings_table(leading))
    if quiet:
        parts.append(
            f"<details><summary>{len(quiet)} style and documentation finding"
            f"{'' if len(quiet) == 1 else 's'}</summary>\n\n{_findings_table(quiet)}\n\n</details>"
        )
    if decided:
        parts.append(_decided_table(decided))
    if file.in_baseline:
        hidden = len(file.in_baseline)
        parts.append(
            f"*{hidden} finding{'' if hidden == 1 else 's'} in the project's baseline "
            f"({'is' if hidden == 1 else 'are'} not listed).*"
        )
    if not ranked:
        parts.append("No open findings." if decided else "No findings.")
    if result.suppressed:
        left_out = "; ".join(
            f"{item.count} of {item.rule or 'unnamed rule'} ({item.reason})"
            for item in result.suppressed
        )
        parts.append(f"*Left out by the file's context: {inline_text(left_out)}.*")
    parts.extend(_fix(finding, file.path) for finding in ranked if finding.suggested_fix)
    if result.tool_errors:
        failed = "; ".join(f"{error.source}: {error.message}" for error in result.tool_errors)
        parts.append(
            f"> Some analyzers failed, so this review may miss issues ({inline_text(failed)})."
        )
    return "\n\n".join(parts)


def _weight(finding: Finding) -> tuple[int, int, int]:
    """Security and bugs first, then by severity and line."""
    leads = finding.category in (Category.SECURITY, Category.BUG)
    return (0 if leads else 1, -finding.severity.rank, finding.line)


def _findings_table(findings: Sequence[Finding]) -> str:
    rows = ["| Severity | Line | Rule | Finding |", "|---|---|---|---|"]
    rows += [_finding_row(finding) for finding in findings]
    return "\n".join(rows)


def _decided_table(decided: Sequence[tuple[Finding, Decided]]) -> str:
    """The findings the team decided on, folded: listed with the decision, never counted."""
    rows = ["| Severity | Line | Rule | Finding | Decision |", "|---|---|---|---|---|"]
    for finding, decision in sorted(decided, key=lambda pair: _weight(pair[0])):
        said = f": {decision.comment}" if decision.comment else ""
        by = f" ({decision.by})" if decision.by else ""
        rows.append(_finding_row(finding, inline_text(decision.label + said + by)))
    plural = "" if len(decided) == 1 else "s"
    return (
        f"<details><summary>{len(decided)} decided finding{plural} (not counted)</summary>"
        f"\n\n" + "\n".join(rows) + "\n\n</details>"
    )


def _finding_row(finding: Finding, *more_cells: str) -> str:
    severity = finding.severity.value
    if finding.severity in _LOUD:
        severity = f"**{severity}**"
    where = f"{finding.line}:{finding.column}" if finding.column else str(finding.line)
    rule = code_span(described.rule_id(finding))
    return _row((severity, where, rule, inline_text(described.message(finding)), *more_cells))


def _fix(finding: Finding, path: str) -> str:
    """A collapsed diff, so a long fix does not drown the comment."""
    diff = with_file_name(finding.suggested_fix or "", path)
    fence = "`" * max(3, _longest_backtick_run(diff) + 1)
    # One line of escaped text: a blank line would end the HTML block and let raw HTML through.
    title = html.escape(" ".join(f"line {finding.line}: {finding.title}".split()))
    return (
        f"<details>\n<summary>Suggested fix, {title}</summary>\n\n"
        f"{fence}diff\n{diff.rstrip()}\n{fence}\n\n</details>"
    )


def _row(cells: Sequence[str]) -> str:
    """A table row of rendered cells; GFM splits cells on `|` even inside code spans."""
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def inline_text(text: str) -> str:
    """Untrusted text as one line of Markdown: its code spans kept, everything else literal."""
    text = " ".join(text.split())
    pieces, end = [], 0
    for span in _CODE_SPAN.finditer(text):
        pieces += [_text(text[end : span.start()]), code_span(span["content"])]
        end = span.end()
    return "".join([*pieces, _text(text[end:])])


def _text(text: str) -> str:
    """Literal text: HTML and every inline or block-starting Markdown character escaped."""
    text = _MARKUP.sub(r"\\\1", html.escape(text, quote=False))
    return _BLOCK_START.sub(r"\1\\\2", text)


def code_span(text: str) -> str:
    """A code span that always closes, whatever backticks `text` holds (CommonMark 6.1)."""
    text = " ".join(text.split())
    fence = "`" * (_longest_backtick_run(text) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _longest_backtick_run(text: str) -> int:
    return max((len(run) for run in re.findall(r"`+", text)), default=0)
