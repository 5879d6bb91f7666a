"""TypeScript calls with type arguments: the engine reads them blanked; findings stay put."""

import pytest

from review_app.review.analyzers import rule_pack_scan
from review_app.review.analyzers.analyzer import SourceFile
from review_app.review.rule_pack.type_arguments import blank_call_type_arguments


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("pool.query<Row[]>(sql)", "pool.query       (sql)"),
        ("http.get<{ id: number; name: string }>(url)", "http.get" + " " * 30 + "(url)"),
        ("new Map<string, Array<number>>()", "new Map                       ()"),
        ("run<(done: () => void) => void>(job)", "run" + " " * 28 + "(job)"),
        ('get<"é">(1)', "get      (1)"),  # as many spaces as bytes: offsets stay put
        ("q<\n  Row\n>(sql)", "q \n     \n (sql)"),
    ],
)
def test_type_arguments_of_a_call_become_spaces(code: str, expected: str) -> None:
    assert blank_call_type_arguments(code) == expected


@pytest.mark.parametrize(
    "code",
    [
        "if (a<b && c>(d)) {}",
        "for (let i=0; i<n; i++) f(i)",
        "const ok = a < b > (c)",
        "const f = <T>(x: T) => x",
        "const typed: Array<string> = []",
        's = "pool.query<T>(x)"',
        "// pool.query<T>(x)",
        "/* pool.query<T>(x) */",
        "html = `<b>${name}</b>(`",
    ],
)
def test_comparisons_strings_comments_and_types_outside_calls_are_left_alone(code: str) -> None:
    assert blank_call_type_arguments(code) == code


def test_a_flow_into_a_call_with_type_arguments_is_found_at_its_own_line_and_column() -> None:
    code = (
        "import express from 'express';\n"
        "const app = express();\n"
        "app.get('/a', async (req, res) => {\n"
        "  const rows = await pool.query<Array<{ id: number }>>(\n"
        '    "SELECT id, name FROM users WHERE name = \'" + req.query.name + "\'",\n'
        "  );\n"
        "  res.json(rows);\n"
        "});\n"
    )
    [output] = rule_pack_scan.make_analyzer().run([SourceFile("users.ts", "typescript", code)])
    [finding] = output.findings
    assert (finding.rule, finding.line, finding.column) == ("javascript-sql-injection", 5, 5)
