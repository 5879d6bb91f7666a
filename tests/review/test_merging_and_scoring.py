"""Findings reported by several tools appear once; scores fall as findings get worse."""

from review_app.review.merging import merge_findings
from review_app.review.models import Category, Finding, LLMConfig, Rubric, Severity
from review_app.review.pipeline import run_review
from review_app.review.scoring import category_scores, overall_score


def _finding(severity: Severity, category: Category = Category.BUG, line: int = 1) -> Finding:
    return Finding(
        title=f"{severity} {category}",
        severity=severity,
        category=category,
        line=line,
        rule=f"{category}-rule",
        sources=["ruff"],
    )


def test_one_defect_reported_by_several_tools_is_one_finding() -> None:
    """A bare `except: pass` is ruff's E722 and S110 and bandit's B110: one finding, 3 names."""
    code = "def close(handle):\n    try:\n        handle.close()\n    except:\n        pass\n"
    result = run_review("python", code, LLMConfig())
    [swallowed] = [f for f in result.findings if f.line == 4]
    assert set(swallowed.sources) == {"ruff", "bandit"}
    assert swallowed.cwe == 703


EVALUATED = """\
const express = require("express");
const app = express();
const ARITHMETIC = /^[0-9+*\\/() .-]+$/;

app.get("/run", (req, res) => {
  res.json({ result: eval(req.query.code) });
});

app.get("/calc", (req, res) => {
  const expr = String(req.query.expr || "");
  if (!ARITHMETIC.test(expr)) {
    return res.status(400).end();
  }
  res.json({ result: new Function(`return (${expr});`)() });
});
"""


def test_eval_of_request_data_is_the_rule_packs_finding_and_a_vetted_one_no_weakness() -> None:
    """The linter flags every eval; the rule pack follows the data: one security finding in
    the pack's words where request data is run, a maintainability note where it was vetted."""
    result = run_review("javascript", EVALUATED, LLMConfig())
    [run_code] = [f for f in result.findings if f.line == 6]
    assert (run_code.rule, run_code.category) == ("javascript-code-injection", Category.SECURITY)
    assert run_code.sources == ["semgrep", "oxlint"]
    [vetted] = [f for f in result.findings if f.line == 14]
    assert (vetted.rule, vetted.category, vetted.severity) == (
        "no-new-func",
        Category.MAINTAINABILITY,
        Severity.MEDIUM,
    )


def test_findings_naming_one_weakness_merge_across_tools() -> None:
    """Two tools, two rule names, one CWE family on one line: one finding."""
    pattern = _finding(Severity.MEDIUM, Category.SECURITY, line=3).model_copy(
        update={"rule": "go-weak-hash", "cwe": 328, "sources": ["semgrep"]}
    )
    linter = pattern.model_copy(update={"rule": "G401", "cwe": 327, "sources": ["go-vet"]})
    [merged] = merge_findings([pattern, linter])
    assert merged.sources == ["semgrep", "go-vet"]


def test_an_llm_repeat_of_a_static_finding_is_merged() -> None:
    static = _finding(Severity.MEDIUM, Category.SECURITY, line=4)
    repeat = Finding(
        title="SQL injection",
        severity=Severity.CRITICAL,
        category=Category.SECURITY,
        line=4,
        sources=["llm"],
    )
    [merged] = merge_findings([static, repeat])
    assert merged.sources == ["ruff", "llm"]
    assert merged.severity == Severity.CRITICAL
    assert merged.title == static.title


def test_different_problems_on_one_line_stay_apart() -> None:
    style = _finding(Severity.LOW, Category.STYLE, line=3)
    bug = Finding(
        title="bugbear",
        severity=Severity.MEDIUM,
        category=Category.BUG,
        line=3,
        rule="B006",
        sources=["ruff"],
    )
    assert len(merge_findings([style, bug])) == 2


def test_merged_findings_are_ordered_by_line_then_severity() -> None:
    findings = [
        _finding(Severity.LOW, line=5),
        _finding(Severity.HIGH, Category.SECURITY, line=2),
        _finding(Severity.CRITICAL, Category.STYLE, line=5),
    ]
    ordered = merge_findings(findings)
    assert [(f.line, f.severity) for f in ordered] == [
        (2, Severity.HIGH),
        (5, Severity.CRITICAL),
        (5, Severity.LOW),
    ]


def test_no_findings_score_100_everywhere() -> None:
    assert overall_score([], None) == 100
    assert set(category_scores([], None, set(Category)).values()) == {100}


def test_more_severe_findings_give_a_lower_score() -> None:
    scores = [
        overall_score([_finding(severity)], None)
        for severity in (Severity.INFO, Severity.LOW, Severity.MEDIUM, Severity.HIGH)
    ]
    scores.append(overall_score([_finding(Severity.CRITICAL)], None))
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores)) == len(scores)


def test_each_added_finding_lowers_the_score_but_it_stays_positive() -> None:
    findings: list[Finding] = []
    previous = overall_score(findings, None)
    for line in range(1, 30):
        findings.append(_finding(Severity.HIGH, line=line))
        score = overall_score(findings, None)
        assert score <= previous
        previous = score
    assert previous >= 0
    assert overall_score(findings[:1], None) > overall_score(findings[:2], None)


def test_category_scores_only_suffer_in_their_category() -> None:
    scores = category_scores([_finding(Severity.HIGH, Category.SECURITY)], None, set(Category))
    assert scores[Category.SECURITY] < 100
    assert scores[Category.STYLE] == 100


def rubric(mark: int) -> Rubric:
    """The same mark on every dimension."""
    item = {"score": mark, "reason": "r"}
    return Rubric.model_validate({name: item for name in Rubric.model_fields})


def test_rubric_is_blended_into_the_scores() -> None:
    findings = [_finding(Severity.MEDIUM)]
    assert overall_score(findings, rubric(10)) > overall_score(findings, None)
    assert overall_score(findings, rubric(2)) < overall_score(findings, None)
    assert category_scores([], rubric(5), set())[Category.BUG] == 80


def test_a_category_nothing_checked_has_no_score() -> None:
    """Sub-scores only where something looked: no "performance 100" when nothing checked it."""
    scores = category_scores([], None, {Category.SECURITY, Category.BUG})
    assert scores[Category.SECURITY] == scores[Category.BUG] == 100
    assert scores[Category.PERFORMANCE] is None
    assert set(category_scores([], rubric(5), set()).values()) != {None}  # the LLM judged all


def test_code_that_does_not_parse_never_scores_above_half() -> None:
    broken = _finding(Severity.HIGH, Category.BUG).model_copy(update={"rule": "syntax-error"})
    assert overall_score([broken], None) <= 50
    assert overall_score([broken], rubric(10)) <= 50
