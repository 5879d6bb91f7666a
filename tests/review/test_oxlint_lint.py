"""Oxlint finds real bugs in JavaScript and TypeScript at their lines, stays quiet on clean code,
and a missing or hanging oxlint is a reason in the review, not a lost review."""

import time

import pytest

from review_app.review.analyzers import oxlint_lint, oxlint_rules
from review_app.review.analyzers.analyzer import AnalyzerOutput, SourceFile
from review_app.review.models import Category, LLMConfig, Severity
from review_app.review.pipeline import run_review

DEFECTS_JS = """\
const settings = { retries: 3, timeout: 10, retries: 5 };

function evaluate(expression) {
  return eval(expression);
}

function isMissing(value) {
  return value === NaN;
}

function kindOf(value) {
  return typeof value === "strnig";
}

function countDown(items) {
  for (let i = 0; i < items.length; i--) {
    console.log(items[i]);
  }
}

function label(code) {
  switch (code) {
    case 1:
      settings.timeout += 1;
    case 2:
      return "two";
    default:
      return "other";
  }
}

function total(prices) {
  const unused = 0;
  return prices.reduce((sum, price) => sum + price, 0) + shippingCost;
}

module.exports = { evaluate, isMissing, kindOf, countDown, label, total };
"""

CLEAN_JS = """\
import { readFile } from "node:fs/promises";

export class Inventory {
  #items = new Map();

  add(name, count = 1) {
    this.#items.set(name, (this.#items.get(name) ?? 0) + count);
    return this;
  }

  total() {
    let sum = 0;
    for (const count of this.#items.values()) {
      sum += count;
    }
    return sum;
  }
}

export async function loadInventory(path) {
  const rows = JSON.parse(await readFile(path, "utf8"));
  const inventory = new Inventory();
  for (const row of rows) {
    inventory.add(row.name, Number(row.count));
  }
  return inventory;
}
"""

DEFECTS_TS = """\
enum Color {
  Red = 1,
  Green = 1,
}

export function paint(target: any, color: Color): string {
  return target.style.color + Color[color];
}

export function width(box?: { width: number }): number {
  return box?.width!;
}
"""

CLEAN_TS = """\
export interface Point {
  readonly x: number;
  readonly y: number;
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export function centroid(points: readonly Point[]): Point | undefined {
  if (points.length === 0) {
    return undefined;
  }
  const sum = points.reduce((acc, p) => ({ x: acc.x + p.x, y: acc.y + p.y }), { x: 0, y: 0 });
  return { x: sum.x / points.length, y: sum.y / points.length };
}
"""


def _lint(*files: SourceFile) -> list[AnalyzerOutput]:
    return oxlint_lint.ANALYZER.run(list(files))


def _rules_by_line(output: AnalyzerOutput) -> set[tuple[int, str]]:
    assert output.failure is None, output.failure
    return {(finding.line, finding.rule or "") for finding in output.findings}


def test_javascript_bugs_are_found_at_their_lines() -> None:
    [output] = _lint(SourceFile("src/defects.js", "javascript", DEFECTS_JS))
    assert _rules_by_line(output) >= {
        (1, "no-dupe-keys"),
        (4, "no-eval"),
        (8, "use-isnan"),
        (12, "valid-typeof"),
        (16, "for-direction"),
        (25, "no-fallthrough"),
        (33, "no-unused-vars"),
        (34, "no-undef"),
    }


def test_eval_is_a_medium_maintainability_finding_with_its_cwe() -> None:
    """A pattern cannot tell input from a vetted expression: the rule pack judges the flow."""
    [output] = _lint(SourceFile("defects.js", "javascript", DEFECTS_JS))
    [finding] = [f for f in output.findings if f.rule == "no-eval"]
    assert (finding.category, finding.severity, finding.cwe) == (
        Category.MAINTAINABILITY,
        Severity.MEDIUM,
        95,
    )
    assert (finding.column, finding.sources) == (10, ["oxlint"])
    assert "oxc.rs" in finding.detail


def test_eval_of_string_constants_is_a_low_finding_without_a_weakness() -> None:
    code = (
        "export const VERSION = eval('\"2024.06\"');\n"
        "export const rules = new Function('return \"v3\"');\n"
        "export const run = (text) => eval(text);\n"
    )
    [output] = _lint(SourceFile("formulas.js", "javascript", code))
    kinds = {
        (f.line, f.category, f.severity, f.cwe)
        for f in output.findings
        if f.rule != "no-unused-vars"
    }
    assert kinds == {
        (1, Category.MAINTAINABILITY, Severity.LOW, None),
        (2, Category.MAINTAINABILITY, Severity.LOW, None),
        (3, Category.MAINTAINABILITY, Severity.MEDIUM, 95),
    }


def test_typescript_rules_apply_to_typescript() -> None:
    [output] = _lint(SourceFile("paint.ts", "typescript", DEFECTS_TS))
    assert _rules_by_line(output) >= {
        (2, "typescript/no-duplicate-enum-values"),  # oxlint points at the first of the two
        (6, "typescript/no-explicit-any"),
        (11, "typescript/no-non-null-asserted-optional-chain"),
    }


def test_react_code_gets_react_rules() -> None:
    code = (
        "export function List({ items, html }) {\n"
        "  return <ul>{items.map((item) => <li>{item}</li>)}"
        "<div dangerouslySetInnerHTML={{ __html: html }} /></ul>;\n"
        "}\n"
    )
    [output] = _lint(SourceFile("components/List.jsx", "javascript", code))
    assert _rules_by_line(output) >= {(2, "react/jsx-key"), (2, "react/no-danger")}


@pytest.mark.parametrize(
    ("language", "name", "code"),
    [("javascript", "inventory.js", CLEAN_JS), ("typescript", "geometry.ts", CLEAN_TS)],
)
def test_clean_code_has_no_findings(language: str, name: str, code: str) -> None:
    [output] = _lint(SourceFile(name, language, code))
    assert output == AnalyzerOutput()


def test_a_batch_answers_each_file_in_order() -> None:
    outputs = _lint(
        SourceFile("a.js", "javascript", CLEAN_JS),
        SourceFile("b.js", "javascript", "function broken( {\n"),
        SourceFile("c.ts", "typescript", DEFECTS_TS),
        SourceFile("d.js", "javascript", DEFECTS_JS),
    )
    assert outputs[0] == AnalyzerOutput()
    assert outputs[1].failure == "skipped: the code does not parse"
    assert any(f.rule == "typescript/no-explicit-any" for f in outputs[2].findings)
    assert any(f.rule == "no-eval" for f in outputs[3].findings)


def test_columns_count_characters_not_bytes() -> None:
    code = 'const greeting = "héllo 👋"; eval(greeting);\n'
    [output] = _lint(SourceFile("greet.js", "javascript", code))
    [finding] = [f for f in output.findings if f.rule == "no-eval"]
    assert finding.column == code.index("eval") + 1


def test_idiomatic_null_checks_and_short_circuits_are_not_flagged() -> None:
    code = "export function run(task, done) {\n  if (task == null) return;\n  done && done();\n}\n"
    [output] = _lint(SourceFile("run.js", "javascript", code))
    assert output == AnalyzerOutput()


def test_every_security_rule_names_its_cwe() -> None:
    security = {r: c for r, c in oxlint_rules.RULES.items() if c.category == Category.SECURITY}
    assert security
    assert all(rule_class.cwe for rule_class in security.values())


def test_a_javascript_review_with_eval_no_longer_scores_100() -> None:
    result = run_review("javascript", "export const run = (code) => eval(code);\n", LLMConfig())
    assert result.score < 100
    assert "oxlint" in {run.name for run in result.analyzers}
    [run] = [run for run in result.analyzers if run.name == "oxlint"]
    assert run.version.startswith("oxlint=1.")


def test_a_thousand_line_file_is_linted_well_within_a_second() -> None:
    block = "\n".join(
        [
            "export function pick{n}(rows, key) {{",
            "  const out = [];",
            "  for (const row of rows) {{",
            "    if (row[key] !== undefined) {{",
            "      out.push(row[key]);",
            "    }}",
            "  }}",
            "  return out;",
            "}}",
            "",
        ]
    )
    code = "".join(block.format(n=n) for n in range(112))
    assert code.count("\n") >= 1000
    started = time.monotonic()
    [output] = _lint(SourceFile("big.js", "javascript", code))
    assert output == AnalyzerOutput()
    assert time.monotonic() - started < 2.0  # ~0.1 s on an idle 2-core machine


def test_a_missing_oxlint_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(oxlint_lint, "OXLINT_CLI", oxlint_lint.NODE_TOOLCHAIN / "absent")
    [output] = _lint(SourceFile("a.js", "javascript", CLEAN_JS))
    assert output.failure is not None
    assert output.failure.startswith("oxlint is not installed: run `make`")


def test_a_missing_node_is_reported(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(oxlint_lint, "NODE", tmp_path / "node")
    [output] = _lint(SourceFile("a.js", "javascript", CLEAN_JS))
    assert output.failure is not None
    assert output.failure.startswith("oxlint is not installed")


def test_a_hanging_oxlint_times_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(oxlint_lint, "TIMEOUT_SECONDS", 0.001)
    outputs = _lint(
        SourceFile("a.js", "javascript", CLEAN_JS), SourceFile("b.js", "javascript", DEFECTS_JS)
    )
    assert [output.failure for output in outputs] == ["oxlint timed out after 0.001 s"] * 2
