"""Markdown exports render user-controlled text (a team's decisions too) as text: rendered by
a CommonMark renderer with raw HTML on (as GitHub and GitLab do before sanitizing), no tag a
submitter wrote survives."""

from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from review_app.exports import ExportFormat, FileReview, render_export
from review_app.exports.documents import Decided
from review_app.review.diffs import make_unified_diff
from review_app.review.models import Category, Severity, ToolError
from tests.exports.test_exports import _finding, _result

# Tags the export itself writes; anything else came from a submitter.
OWN_TAGS = {"h2", "h3", "p", "strong", "table", "thead", "tbody", "tr", "th", "td", "code"}
OWN_TAGS |= {"details", "summary", "pre", "blockquote", "em"}

HOSTILE = [
    "`<img src=x onerror=alert(1)>.py",
    "``<img src=x onerror=alert(1)>``",
    "<script>alert(1)</script>",
    "x\n\n<img src=x onerror=alert(1)>",
    "</summary></details><img src=x onerror=alert(1)>",
    "a | b `c | <img src=x onerror=alert(1)>` \\| <b>bold</b>",
    "[click](javascript:alert(1)) ![i](http://evil.example/x.png)",
    "&lt;img src=x onerror=alert(1)&gt; &#60;img&#62;",
    "<http://evil.example> <a href='x'>link</a>",
    "# heading\n- item\n1. one\n> quote",
]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += attrs


def _rendered(hostile: str) -> str:
    code = "x = 1\n"
    finding = _finding(
        hostile,
        Severity.HIGH,
        Category.SECURITY,
        1,
        rule=hostile,
        sources=["llm"],
        detail=hostile,
        suggested_fix=make_unified_diff(code, "x = 2\n", "submission.py"),
    )
    result = _result(
        "python", 40, [finding] * 2, tool_errors=[ToolError(source="ruff", message=hostile)]
    )
    result.summary = hostile
    decided = {1: Decided(kind="wont_fix", comment=hostile, by=hostile)}  # a team's comment
    markdown = render_export(
        [FileReview(path=hostile, code=code, result=result, decided=decided)],
        ExportFormat.MARKDOWN,
    )
    return MarkdownIt("commonmark").enable("table").render(markdown)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_no_submitted_html_survives_a_markdown_renderer(hostile: str) -> None:
    parsed = _Tags()
    parsed.feed(_rendered(hostile))
    assert parsed.tags <= OWN_TAGS
    own = {("class", "language-diff"), ("style", "text-align:right")}
    assert set(parsed.attributes) <= own


def test_a_hostile_file_name_reads_as_written() -> None:
    """The name a user gave is shown to the reader literally, not eaten by the escaping."""
    html = _rendered("`<img src=x onerror=alert(1)>.py")
    assert "<code>`&lt;img src=x onerror=alert(1)&gt;.py</code>" in html
