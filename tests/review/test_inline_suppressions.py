"""Suppression comments in the code, in the forms teams use: only what they name goes, and
every finding they leave out is counted with the comment that did it."""

import pytest

from review_app.review.models import LLMConfig
from review_app.review.pipeline import run_review

QUERY = '    return db.execute("SELECT * FROM users WHERE name = \'" + name + "\'")'
FLASK = (
    "import sqlite3\n"
    "from flask import request\n\n\n"
    "def user():\n"
    '    name = request.args["name"]\n'
    '    db = sqlite3.connect("app.db")\n'
    "{above}"
    "{query}\n"
)
EXPRESS = (
    'const express = require("express");\n'
    "const app = express();\n"
    'app.get("/calc", (req, res) => {{\n'
    "{above}"
    "  res.send(String(eval(req.query.expr)));\n"
    "}});\n"
)
JS_RULES = {"javascript-code-injection", "javascript-xss"}


def _python(comment: str = "", above: str = ""):
    code = FLASK.format(above=above, query=f"{QUERY}  {comment}".rstrip())
    return run_review("python", code, LLMConfig())


def _rules(result) -> set[str]:
    return {finding.rule for finding in result.findings}


@pytest.mark.parametrize(
    ("comment", "above"),
    [
        ("# noqa", ""),
        ("# noqa: python-sql-injection", ""),
        ("# review-app: ignore[python-sql-injection]", ""),
        ("", "    # review-app: ignore\n"),
    ],
)
def test_a_comment_naming_the_rule_or_every_rule_leaves_the_finding_out(
    comment: str, above: str
) -> None:
    result = _python(comment, above)
    assert "python-sql-injection" not in _rules(result)
    [counted] = [item for item in result.suppressed if item.rule == "python-sql-injection"]
    assert counted.count == 1
    assert counted.reason.startswith("suppressed in the code (")


@pytest.mark.parametrize(
    ("comment", "above"),
    [
        ("# noqa: E501", ""),  # names another rule
        ("# review-app: ignore[python-xss]", ""),
        ("", "    # noqa\n"),  # on a line of its own, it is about that line
        ("", '    db = sqlite3.connect("app.db")  # review-app: ignore\n'),  # about its own line
    ],
)
def test_a_comment_about_something_else_leaves_the_finding_in(comment: str, above: str) -> None:
    result = _python(comment, above)
    assert "python-sql-injection" in _rules(result)
    assert not [item for item in result.suppressed if item.rule == "python-sql-injection"]


def _on_the_eval_line(above: str) -> set[str]:
    result = run_review("javascript", EXPRESS.format(above=above), LLMConfig())
    line = 5 if above else 4
    return {finding.rule for finding in result.findings if finding.line == line}


def test_eslint_comments_leave_out_only_the_rules_they_name() -> None:
    assert _on_the_eval_line("")
    assert _on_the_eval_line("  // eslint-disable-next-line\n") == set()
    # no-eval is oxlint's name for eval itself; eval of request data stays a finding.
    assert "javascript-code-injection" in _on_the_eval_line(
        "  // eslint-disable-next-line no-eval\n"
    )
    every_rule = ", ".join(sorted({"no-eval", *JS_RULES}))
    assert _on_the_eval_line(f"  // eslint-disable-next-line {every_rule}\n") == set()
