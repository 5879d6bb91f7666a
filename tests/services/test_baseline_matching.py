"""Which findings a baseline hides: each by its fingerprint, as many as were accepted, wherever
the line moved; a changed line or a further copy of an accepted one shows."""

from review_app.exports import FileReview
from review_app.review.models import Category, Severity
from review_app.services.projects.baselines import fingerprints_of, hidden_by
from tests.exports.test_exports import _finding, _result

TWICE = "x = 1\neval(data)\neval(data)\n"


def _file(code: str, lines: list[int], path: str = "app/run.py") -> FileReview:
    findings = [
        _finding(
            "Use of eval",
            Severity.HIGH,
            Category.SECURITY,
            line,
            rule="eval-used",
            sources=["semgrep"],
        )
        for line in lines
    ]
    return FileReview(path=path, code=code, result=_result("python", 50, findings))


def test_accepted_findings_stay_hidden_where_their_lines_move() -> None:
    accepted = fingerprints_of([_file(TWICE, [2, 3])])
    moved = "# one\n# two\n" + TWICE
    assert hidden_by(accepted, _file(moved, [4, 5])) == {0, 1}


def test_a_third_copy_of_a_line_accepted_twice_is_new() -> None:
    accepted = fingerprints_of([_file(TWICE, [2, 3])])
    thrice = TWICE + "eval(data)\n"
    assert hidden_by(accepted, _file(thrice, [2, 3, 4])) == {0, 1}


def test_a_changed_line_or_another_file_is_not_hidden() -> None:
    accepted = fingerprints_of([_file(TWICE, [2, 3])])
    changed = "x = 1\neval(data)\neval(other)\n"
    assert hidden_by(accepted, _file(changed, [2, 3])) == {0}
    assert hidden_by(accepted, _file(TWICE, [2, 3], path="app/other.py")) == set()
