"""SARIF 2.1.0, the format code-scanning dashboards (GitHub, GitLab, Azure DevOps) read.

One run of one tool, whatever the number of files; each finding becomes a result with its rule,
level, location, a fingerprint that survives lines moving, and its suggested fix.
"""

import hashlib
from collections.abc import Sequence
from urllib.parse import quote

from review_app.exports import findings as described
from review_app.exports.documents import TOOL_NAME, Decided, FileReview, tool_version
from review_app.exports.sarif_fixes import sarif_fix
from review_app.review.models import Category, Finding, Severity
from review_app.review.source_text import split_lines

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SRCROOT = "%SRCROOT%"  # the checkout the relative paths start from
FINGERPRINT = "reviewAppFinding/v1"

# GitHub ranks security alerts by this 0-10 score (`security-severity`).
_SECURITY_SEVERITY: dict[Severity, str] = {
    Severity.CRITICAL: "9.5",
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.5",
    Severity.LOW: "3.0",
    Severity.INFO: "1.0",
}


def to_sarif(files: Sequence[FileReview]) -> dict:
    """A SARIF log with one run holding the results of every file."""
    rules: dict[str, dict] = {}
    results = []
    for file in files:
        results.extend(_file_results(file, rules))
    ordered_rules = sorted(rules.values(), key=lambda rule: rule["id"])
    index_of = {rule["id"]: index for index, rule in enumerate(ordered_rules)}
    for result in results:
        result["ruleIndex"] = index_of[result["ruleId"]]
    version = tool_version()
    driver = {"name": TOOL_NAME, "version": version, "semanticVersion": version}
    run = {
        "tool": {"driver": {**driver, "rules": ordered_rules}, "extensions": _analyzers(files)},
        "invocations": [_invocation(files)],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"reviews": [_review_summary(file) for file in files]},
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _file_results(file: FileReview, rules: dict[str, dict]) -> list[dict]:
    """The results of one file, adding the rules they use to `rules`."""
    lines = split_lines(file.code)
    uri = quote(file.path, safe="/")
    seen: dict[str, int] = {}
    results = []
    for index, finding in enumerate(file.result.findings):
        _add_rule(finding, rules)
        results.append(_result(finding, uri, _fingerprint(finding, file.path, lines, seen)))
        if finding.suggested_fix and (fix := sarif_fix(file.code, finding.suggested_fix, uri)):
            results[-1]["fixes"] = [fix]
        if file.baseline is not None:
            results[-1]["baselineState"] = "new" if index in file.baseline.new else "unchanged"
        if (decided := file.decided.get(index)) is not None:
            results[-1]["suppressions"] = [_suppression(decided)]
        elif index in file.in_baseline:
            results[-1]["suppressions"] = [IN_BASELINE]
    if file.baseline is not None:
        base_lines, base_seen = split_lines(file.baseline.base_code), {}
        for finding in file.baseline.fixed:
            _add_rule(finding, rules)
            fingerprint = _fingerprint(finding, file.path, base_lines, base_seen)
            results.append({**_result(finding, uri, fingerprint), "baselineState": "absent"})
    return results


def _add_rule(finding: Finding, rules: dict[str, dict]) -> None:
    """Add the finding's rule to `rules`; a rule's default level is its worst finding's."""
    rule = _rule(finding)
    known = rules.setdefault(rule["id"], rule)
    if finding.severity.rank > Severity(known["properties"]["severity"]).rank:
        rules[rule["id"]] = rule


def _rule(finding: Finding) -> dict:
    """The reporting descriptor of the finding's rule."""
    rule_id = described.rule_id(finding)
    if finding.rule:
        short, full = finding.title, described.plain_detail(finding) or finding.title
    else:
        short = f"{finding.category.value.capitalize()} issue found by {finding.sources[0]}"
        full = short
    tags = {finding.category.value, *finding.sources}
    if finding.cwe is not None:
        tags.add(f"external/cwe/cwe-{finding.cwe}")  # as GitHub code scanning reads it
    properties: dict = {"tags": sorted(tags), "severity": finding.severity.value}
    if finding.category is Category.SECURITY:
        properties["security-severity"] = _SECURITY_SEVERITY[finding.severity]
    rule = {
        "id": rule_id,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": full},
        "defaultConfiguration": {"level": described.SARIF_LEVEL[finding.severity]},
        "properties": properties,
    }
    if uri := described.help_uri(finding) or (finding.cwe and described.cwe_uri(finding.cwe)):
        rule["helpUri"] = uri
    return rule


def _result(finding: Finding, uri: str, fingerprint: str) -> dict:
    """The SARIF result of one finding."""
    region = {"startLine": finding.line}
    if finding.column:
        region["startColumn"] = finding.column
    if finding.end_line and finding.end_line >= finding.line:
        region["endLine"] = finding.end_line
    location = {"artifactLocation": {"uri": uri, "uriBaseId": SRCROOT}, "region": region}
    return {
        "ruleId": described.rule_id(finding),
        "level": described.SARIF_LEVEL[finding.severity],
        "message": {"text": described.message(finding)},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {FINGERPRINT: fingerprint},
        "properties": {
            "severity": finding.severity.value,
            "category": finding.category.value,
            "sources": list(finding.sources),
            **_verdict(finding),
        },
    }


IN_BASELINE = {
    "kind": "external",
    "status": "accepted",
    "justification": "In the project's baseline: accepted with the findings it had then.",
}


def _suppression(decided: Decided) -> dict:
    """A team's decision, as SARIF suppresses a result: kept out of the gate, not deleted."""
    reason = decided.label + (f": {decided.comment}" if decided.comment else "")
    by = f" ({decided.by})" if decided.by else ""
    return {"kind": "external", "status": "accepted", "justification": reason + by}


def _verdict(finding: Finding) -> dict:
    """The LLM's verdict on the finding, when it gave one."""
    if finding.verdict is None:
        return {}
    return {"llmVerdict": finding.verdict.state, "llmVerdictReason": finding.verdict.reason}


def _fingerprint(finding: Finding, path: str, lines: list[str], seen: dict[str, int]) -> str:
    """A hash of the rule, the file and the flagged line's text (not its number)."""
    text = lines[finding.line - 1].strip() if finding.line <= len(lines) else ""
    key = "\0".join((described.rule_id(finding), path, text))
    seen[key] = seen.get(key, 0) + 1  # identical lines in one file stay distinct
    return hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()[:32]


def _analyzers(files: Sequence[FileReview]) -> list[dict]:
    """Every analyzer that ran on some file, with its tool versions and rule count."""
    seen: dict[str, dict] = {}
    for file in files:
        for run in file.result.analyzers:
            component = {"name": run.name, "version": run.version}
            if run.rules:
                component["properties"] = {"rules": run.rules}
            seen.setdefault(run.name, component)
    return [seen[name] for name in sorted(seen)]


def _invocation(files: Sequence[FileReview]) -> dict:
    """The run succeeded; analyzers that failed on a file are notifications."""
    notifications = [
        {
            "level": "warning",
            "message": {"text": f"{error.source} failed on {file.path}: {error.message}"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {
                            "uri": quote(file.path, safe="/"),
                            "uriBaseId": SRCROOT,
                        }
                    }
                }
            ],
        }
        for file in files
        for error in file.result.tool_errors
    ]
    invocation: dict = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return invocation


def _review_summary(file: FileReview) -> dict:
    """The score and summary of one file's review, which SARIF has no place for."""
    summary = {"path": file.path, "language": file.result.language, "score": file.result.score}
    summary["summary"] = file.result.summary
    if file.review_id:
        summary["reviewId"] = str(file.review_id)
    return summary
