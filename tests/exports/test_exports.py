"""Exports of finished reviews: SARIF that validates against the official 2.1.0 schema and
carries the fixes, Markdown for a pull request (checked against a snapshot), and JSON."""

import difflib
import json
import os
from pathlib import Path

import pytest

from review_app.exports import ExportFormat, FileReview, render_export
from review_app.exports.sarif_fixes import sarif_fix
from review_app.review.diffs import apply_unified_diff, make_unified_diff
from review_app.review.models import (
    AnalyzerRun,
    Category,
    CodeMetrics,
    Finding,
    LLMConfig,
    LLMStatus,
    ReviewResult,
    Severity,
    ToolError,
)
from review_app.review.pipeline import run_review
from support.sarif import sarif_errors

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "review"
SNAPSHOT = Path(__file__).resolve().parents[1] / "snapshots" / "review_export.md"


ORDERS = """import sqlite3


def find_orders(connection, customer):
    query = "SELECT id FROM orders WHERE customer = '%s'" % customer
    return connection.execute(query).fetchall()


def add_tag(tag, tags=[]):
    tags.append(tag)
    return tags
"""
ORDERS_FIXED = ORDERS.replace(
    "def add_tag(tag, tags=[]):\n", "def add_tag(tag, tags=None):\n    tags = tags or []\n"
)
CART = "export function total(items) {\n  return items.reduce((a, b) => a + b.price, 0)\n}\n"


def _result(language: str, score: int, findings: list[Finding], **extra) -> ReviewResult:
    return ReviewResult(
        language=language,
        score=score,
        category_scores=dict.fromkeys(Category, 100),
        summary=f"Score {score}/100.",
        findings=findings,
        llm=LLMStatus(state="ok", model="test-model"),
        metrics=CodeMetrics(lines=10),
        analyzer_version="test",
        analyzers=[
            AnalyzerRun(name="ruff", version="ruff=0.17.6"),
            AnalyzerRun(name="semgrep", version="semgrep=1.185.0;rule-pack=1", rules=23),
        ],
        **extra,
    )


def _finding(title: str, severity: Severity, category: Category, line: int, **extra) -> Finding:
    return Finding(title=title, severity=severity, category=category, line=line, **extra)


def sample_reviews() -> list[FileReview]:
    """Two reviewed files with findings of every kind an export must show."""
    orders = _result(
        "python",
        52,
        [
            _finding(
                "Possible SQL injection vector through string-based query construction",
                Severity.HIGH,
                Category.SECURITY,
                5,
                column=13,
                rule="S608",
                cwe=89,
                sources=["ruff", "bandit"],
                detail="(see https://docs.astral.sh/ruff/rules/hardcoded-sql-expression)",
            ),
            _finding(
                "Do not use mutable data structures for argument defaults",
                Severity.MEDIUM,
                Category.BUG,
                9,
                column=21,
                rule="B006",
                sources=["ruff"],
                detail="Replace with `None`; initialize within function",
                suggested_fix=make_unified_diff(ORDERS, ORDERS_FIXED, "submission.py"),
            ),
            _finding(
                "Tags are shared | between calls <always>",
                Severity.LOW,
                Category.BUG,
                9,
                end_line=11,
                sources=["llm"],
                detail="Every call without `tags` appends to the same list.",
            ),
        ],
    )
    cart = _result(
        "javascript",
        90,
        [
            _finding(
                "Missing semicolon",
                Severity.INFO,
                Category.STYLE,
                2,
                column=48,
                rule="semi",
                sources=["llm"],
            )
        ],
        tool_errors=[ToolError(source="lizard", message="timed out")],
    )
    return [
        FileReview(path="shop/orders.py", code=ORDERS, result=orders),
        FileReview(path="web/cart page.js", code=CART, result=cart),
    ]


def _sarif(reviews: list[FileReview]) -> dict:
    return json.loads(render_export(reviews, ExportFormat.SARIF))


def test_sarif_validates_against_the_official_2_1_0_schema() -> None:
    for reviews in (sample_reviews(), sample_reviews()[:1], []):
        assert sarif_errors(_sarif(reviews)) == []
    broken = _sarif(sample_reviews())
    broken["runs"][0]["results"][0]["level"] = "critical"
    del broken["runs"][0]["tool"]
    assert len(sarif_errors(broken)) == 2  # the schema does catch what dashboards would refuse


def test_sarif_names_rules_levels_locations_and_fingerprints() -> None:
    log = _sarif(sample_reviews())
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert set(rules) == {"B006", "S608", "llm/bug", "semi"}
    assert rules["S608"]["defaultConfiguration"]["level"] == "error"
    assert rules["S608"]["helpUri"] == "https://docs.astral.sh/ruff/rules/hardcoded-sql-expression"
    assert rules["S608"]["properties"]["security-severity"] == "8.0"
    assert {"security", "external/cwe/cwe-89"} <= set(rules["S608"]["properties"]["tags"])
    extensions = run["tool"]["extensions"]
    assert extensions[1] == {
        "name": "semgrep",
        "version": "semgrep=1.185.0;rule-pack=1",
        "properties": {"rules": 23},
    }

    results = {result["ruleId"]: result for result in run["results"]}
    assert [results[rule]["level"] for rule in ("S608", "B006", "llm/bug", "semi")] == [
        "error",
        "warning",
        "note",
        "note",
    ]
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    location = results["llm/bug"]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "shop/orders.py"
    assert location["region"] == {"startLine": 9, "endLine": 11}
    cart = results["semi"]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert cart == "web/cart%20page.js"
    fingerprints = [next(iter(r["partialFingerprints"].values())) for r in run["results"]]
    assert len(set(fingerprints)) == len(fingerprints)
    notifications = run["invocations"][0]["toolExecutionNotifications"]
    assert "lizard failed on web/cart page.js: timed out" in notifications[0]["message"]["text"]


def test_fingerprints_survive_lines_moving() -> None:
    moved = sample_reviews()[0]
    moved.code = "\n\n" + moved.code
    moved.result.findings[:] = [
        finding.model_copy(update={"line": finding.line + 2}) for finding in moved.result.findings
    ]
    before = _sarif(sample_reviews()[:1])["runs"][0]["results"]
    after = _sarif([moved])["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]


def _apply(code: str, replacements: list[dict]) -> str:
    """Apply SARIF replacements by character offset, last first."""
    for replacement in sorted(replacements, key=lambda r: -r["deletedRegion"]["charOffset"]):
        region = replacement["deletedRegion"]
        start, end = region["charOffset"], region["charOffset"] + region["charLength"]
        code = code[:start] + replacement.get("insertedContent", {}).get("text", "") + code[end:]
    return code


def _offset_of(code: str, line: int, column: int) -> int:
    starts = [0] + [index + 1 for index, char in enumerate(code) if char == "\n"]
    return (starts[line - 1] if line - 1 < len(starts) else len(code)) + column - 1


def _assert_fix_reproduces_the_diff(code: str, diff: str) -> None:
    fix = sarif_fix(code, diff, "file.py")
    assert fix is not None
    replacements = fix["artifactChanges"][0]["replacements"]
    assert _apply(code, replacements) == apply_unified_diff(code, diff)
    for replacement in replacements:  # line/column and offsets name the same region
        region = replacement["deletedRegion"]
        assert _offset_of(code, region["startLine"], region["startColumn"]) == region["charOffset"]
        end = _offset_of(code, region["endLine"], region["endColumn"])
        assert end - region["charOffset"] == region["charLength"]


def test_ruff_fixes_become_sarif_replacements_that_reproduce_the_diff() -> None:
    code = (FIXTURES / "python_defects.py").read_text(encoding="utf-8")
    result = run_review("python", code, LLMConfig())
    reviews = [FileReview(path="shop.py", code=code, result=result)]
    fixed = [f for f in result.findings if "ruff" in f.sources and f.suggested_fix]
    assert {finding.rule for finding in fixed} >= {"B006", "UP031"}
    results = _sarif(reviews)["runs"][0]["results"]
    with_fixes = {result["ruleId"] for result in results if result.get("fixes")}
    assert with_fixes == {finding.rule for finding in fixed}
    for finding in fixed:
        _assert_fix_reproduces_the_diff(code, finding.suggested_fix)


@pytest.mark.parametrize(
    ("code", "fixed"),
    [
        pytest.param("a = 1\nb = 2\nc = 3\n", "a = 1\nc = 3\n", id="delete a line"),
        pytest.param("a = 1\nb = 2\n", "a = 1\nb = 2\nc = 3\n", id="append at the end"),
        pytest.param("a = 1\nb = 2", "a = 1\nb = 2\nc = 3", id="append, no final newline"),
        pytest.param("a = 1\nb = 2", "a = 1\nb = 3", id="change the last line, no newline"),
        pytest.param("a = 1\nb = 2\n", "x = 0\na = 1\nb = 2\n", id="insert at the start"),
        pytest.param("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n", "A\nb\nc\nd\ne\nf\ng\nh\ni\nJ\n", id="two"),
    ],
)
def test_fixes_locate_insertions_and_deletions_exactly(code: str, fixed: str) -> None:
    diff = difflib.unified_diff(
        code.splitlines(keepends=True), fixed.splitlines(keepends=True), "a/file.py", "b/file.py"
    )
    no_newline = "\n\\ No newline at end of file\n"
    _assert_fix_reproduces_the_diff(
        code, "".join(line if line.endswith("\n") else line + no_newline for line in diff)
    )


def test_a_diff_that_does_not_apply_gives_no_fix() -> None:
    diff = make_unified_diff("x = 1\n", "x = 2\n", "file.py")
    assert sarif_fix("y = 1\n", diff, "file.py") is None
    assert sarif_fix("y = 1\n", "not a diff", "file.py") is None


def test_markdown_matches_the_snapshot() -> None:
    markdown = render_export(sample_reviews(), ExportFormat.MARKDOWN)
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(markdown, encoding="utf-8")
    assert markdown == SNAPSHOT.read_text(encoding="utf-8")


def test_markdown_of_nothing_says_so() -> None:
    markdown = render_export([], ExportFormat.MARKDOWN)
    assert markdown == "## review_app review: 0 findings in 0 files\n\nNothing was reviewed.\n"


def test_json_holds_every_file_with_its_full_result() -> None:
    document = json.loads(render_export(sample_reviews(), ExportFormat.JSON))
    assert document["tool"]["name"] == "review_app"
    assert [file["path"] for file in document["files"]] == ["shop/orders.py", "web/cart page.js"]
    orders = document["files"][0]
    assert orders["score"] == 52
    assert ReviewResult.model_validate(orders) == sample_reviews()[0].result
