"""The CLI's text report prints reviewed text (LLM titles, file names) as inert single lines."""

from review_app.cli.report import text_report
from review_app.exports import FileReview
from review_app.review.models import Category, Severity
from tests.exports.test_exports import _finding, _result


def test_reviewed_text_cannot_forge_lines_or_colour_the_terminal() -> None:
    title = "Looks fine\nsrc/app.py:1:1 info fake All clear \x1b[32mOK\x1b[0m"
    finding = _finding(title, Severity.HIGH, Category.SECURITY, 3, sources=["llm"])
    report = text_report(
        [
            FileReview(
                path="src/\x1b]0;pwned\x07a.py", code="", result=_result("python", 50, [finding])
            )
        ]
    )
    first = report.splitlines()[0]
    assert first.startswith(
        "src/\\x1b]0;pwned\\x07a.py:3:1 high llm/security Looks fine src/app.py"
    )
    assert "\\x1b[32mOK" in first
    assert "\x1b" not in report
    assert report.count("\n") == 3  # the finding, a blank line, the summary
