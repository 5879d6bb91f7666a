"""What a run found: the linter-style text report, the notes, and the exit code."""

import re
from dataclasses import dataclass, field

from review_app.cli.errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from review_app.cli.sources import SkippedFile
from review_app.exports import FileReview
from review_app.exports.findings import describe_counts, rule_id, severity_counts
from review_app.review.models import Finding, Severity

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass
class RunOutcome:
    """The files reviewed, and those that should have been but were not (failed, timed out)."""

    reviewed: list[FileReview] = field(default_factory=list)
    unreviewed: list[SkippedFile] = field(default_factory=list)

    def findings(self) -> list[Finding]:
        """Every finding of every file (of a change: every new finding)."""
        return [finding for file in self.reviewed for finding in file.shown_findings()]


def text_report(files: list[FileReview]) -> str:
    """`path:line:col severity rule message` per finding, by file and line, then a summary."""
    lines = []
    for file in sorted(files, key=lambda item: item.path):
        for finding in sorted(
            file.shown_findings(), key=lambda item: (item.line, item.column or 1)
        ):
            where = f"{file.path}:{finding.line}:{finding.column or 1}"
            said = (where, finding.severity.value, rule_id(finding), finding.title)
            lines.append(" ".join(_printable(text) for text in said))
    findings = [finding for file in files for finding in file.shown_findings()]
    files_word = f"{len(files)} file{'' if len(files) == 1 else 's'}"
    if findings:
        plural = "" if len(findings) == 1 else "s"
        counts = describe_counts(severity_counts(findings))
        lines += ["", f"Found {len(findings)} finding{plural} in {files_word} ({counts})."]
    else:
        lines.append(f"No findings in {files_word}.")
    return "\n".join(lines) + "\n"


def _printable(text: str) -> str:
    """One line with no terminal control codes: reviewed text must not forge or recolour lines."""
    return _CONTROL.sub(lambda code: f"\\x{ord(code.group()):02x}", " ".join(text.split()))


def outcome_summary(file: FileReview) -> str:
    """How one review ended, for its progress line."""
    counts = describe_counts(severity_counts(file.shown_findings()))
    return f"score {file.result.score}/100, {counts}"


def at_or_above(findings: list[Finding], threshold: Severity) -> list[Finding]:
    """The findings as severe as `threshold` or worse."""
    return [finding for finding in findings if finding.severity.rank >= threshold.rank]


def exit_code(outcome: RunOutcome, fail_on: Severity | None) -> int:
    """2 when files could not be reviewed, 1 for findings at or above `fail_on`, else 0."""
    if outcome.unreviewed:
        return EXIT_ERROR
    if fail_on is not None and at_or_above(outcome.findings(), fail_on):
        return EXIT_FINDINGS
    return EXIT_CLEAN
