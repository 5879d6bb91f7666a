"""What a file is within its project, and which findings its project does not want.

Test code is judged by the rules that matter in tests: `assert` is how tests check, a test's
HTTP call needs no timeout, fixtures hold throw-away passwords and magic numbers. Generated and
vendored code is not the team's to fix, so a project review skips it and says so. A project's
own settings (its ruff and bandit configuration) switch rules off as they do when the team runs
those tools, and its review_app.toml can give a rule another severity; every finding left out
is counted in the result with the reason.
"""

import re
from fnmatch import fnmatch
from pathlib import PurePosixPath

from review_app.review.inline_suppressions import InlineSuppressions, selects
from review_app.review.models import FileRole, Finding, ReviewContext, Suppressed

# Rules whose findings are noise in tests (ruff's and bandit's names for the same checks).
TEST_NOISE = frozenset(
    {
        *("S101", "B101"),  # assert
        *("S113", "B113"),  # HTTP call without a timeout
        *("S105", "S106", "S107", "B105", "B106", "B107"),  # a password literal passed around
        *("S108", "B108"),  # a temporary file path
        *("S311", "B311"),  # random numbers that need not be secure
        *("S603", "S607", "B603", "B607", "S404", "B404"),  # running a fixed program
        "PLR2004",  # magic numbers: expected values
        *(f"D1{number:02d}" for number in range(8)),  # docstrings of test functions
    }
)
# Not the team's code (generated, vendored), or kept out by its review_app.toml: not reviewed.
SKIPPED_ROLES = frozenset({FileRole.GENERATED, FileRole.VENDORED, FileRole.IGNORED})
_TEST_DIRECTORIES = frozenset({"test", "tests", "__tests__", "spec", "specs", "testing"})
_TEST_NAMES = re.compile(
    r"^(test_.+\.py|.+_test\.(py|go)|conftest\.py|.+\.(test|spec)\.[cm]?[jt]sx?|.+Tests?\.java)$"
)
_VENDORED_DIRECTORIES = frozenset({"vendor", "vendored", "third_party", "third-party", "external"})
_GENERATED_NAMES = re.compile(r"(_pb2(_grpc)?\.py|\.pb\.go|\.min\.js|\.generated\.[a-z]+)$")
_GENERATED_MARK = re.compile(
    r"(code generated .* do not edit|@generated|auto-?generated|do not edit: generated)", re.I
)
_HEADER_LINES = 5


def apply_context(
    findings: list[Finding], context: ReviewContext, inline: InlineSuppressions
) -> tuple[list[Finding], list[Suppressed]]:
    """The findings a file's context and its suppression comments keep, and counts of those
    they leave out, by rule and reason."""
    kept, left_out = [], {}
    for finding in findings:
        reason = inline.reason(finding) or _reason_to_leave_out(finding, context)
        if reason is None:
            kept.append(_with_project_severity(finding, context))
        else:
            key = (finding.rule or "", reason)
            left_out[key] = left_out.get(key, 0) + 1
    suppressed = [
        Suppressed(rule=rule, count=count, reason=reason)
        for (rule, reason), count in sorted(left_out.items())
    ]
    return kept, suppressed


def _with_project_severity(finding: Finding, context: ReviewContext) -> Finding:
    """The finding at the severity its project gives its rule (the most specific selector)."""
    rule = finding.rule or ""
    chosen = [selector for selector in context.severities if selects(selector, rule)]
    if not chosen:
        return finding
    severity = context.severities[max(chosen, key=len)]
    return (
        finding
        if finding.severity == severity
        else finding.model_copy(update={"severity": severity})
    )


def _reason_to_leave_out(finding: Finding, context: ReviewContext) -> str | None:
    rule = finding.rule or ""
    if any(selects(selector, rule) for selector in context.ignored_rules):
        return f"switched off in {', '.join(context.settings) or 'the project settings'}"
    if context.role is FileRole.TEST and rule in TEST_NOISE:
        return "not a concern in test code"
    return None


def file_role(path: str, code: str) -> FileRole:
    """Whether `path` is vendored, generated, test or ordinary source code."""
    parts = PurePosixPath(path).parts
    folders = {part.lower() for part in parts[:-1]}
    if folders & _VENDORED_DIRECTORIES:
        return FileRole.VENDORED
    header = "\n".join(code.splitlines()[:_HEADER_LINES])
    if _GENERATED_NAMES.search(parts[-1]) or _GENERATED_MARK.search(header):
        return FileRole.GENERATED
    if folders & _TEST_DIRECTORIES or _TEST_NAMES.match(parts[-1]):
        return FileRole.TEST
    return FileRole.SOURCE


def matches(path: str, pattern: str) -> bool:
    """Whether a ruff- or ESLint-style file pattern names `path` (the whole relative path or
    its name; a leading `**/` also matches at the root)."""
    pattern = pattern.removeprefix("./")
    candidates = (pattern, pattern.removeprefix("**/"))
    return any(
        fnmatch(path, each) or fnmatch(PurePosixPath(path).name, each) for each in candidates
    )
