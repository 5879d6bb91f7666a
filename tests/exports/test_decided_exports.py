"""A team's decisions in exports: Markdown folds decided findings away from the counts, with
the decision beside each; JSON carries them by finding."""

import json

from review_app.exports import ExportFormat, FileReview, render_export
from review_app.exports.documents import Decided
from tests.exports.test_exports import sample_reviews

WONT_FIX = Decided(kind="wont_fix", comment="legacy report, read-only user", by="ada@example.com")


def _orders_with_the_sql_finding_decided() -> list[FileReview]:
    orders, cart = sample_reviews()
    return [orders.model_copy(update={"decided": {0: WONT_FIX}}), cart]


def test_markdown_folds_a_decided_finding_out_of_the_counts() -> None:
    before = render_export(sample_reviews(), ExportFormat.MARKDOWN)
    after = render_export(_orders_with_the_sql_finding_decided(), ExportFormat.MARKDOWN)
    assert before.startswith("## review_app review: 4 findings in 2 files\n\n**1 high")
    assert after.startswith("## review_app review: 3 findings in 2 files\n\n**1 medium")
    section = after.split("### `shop/orders.py`")[1].split("### ")[0]
    open_table, folded = section.split("<details><summary>1 decided finding (not counted)")
    assert "S608" not in open_table
    assert "B006" in open_table
    assert (
        "| **high** | 5:13 | `S608` | Possible SQL injection vector through string-based query "
        "construction | won't fix: legacy report, read-only user (ada@example.com) |"
    ) in folded


def test_a_file_with_only_decided_findings_says_none_is_open() -> None:
    orders, _ = sample_reviews()
    every = dict.fromkeys(range(len(orders.result.findings)), WONT_FIX)
    markdown = render_export([orders.model_copy(update={"decided": every})], ExportFormat.MARKDOWN)
    assert markdown.startswith("## review_app review: 0 findings in 1 file\n")
    assert "3 decided findings (not counted)" in markdown
    assert "No open findings." in markdown


def test_json_carries_each_decision_by_its_findings_index() -> None:
    document = json.loads(render_export(_orders_with_the_sql_finding_decided(), ExportFormat.JSON))
    orders, cart = document["files"]
    assert orders["decisions"] == {
        "0": {"kind": "wont_fix", "comment": WONT_FIX.comment, "by": "ada@example.com"}
    }
    assert "decisions" not in cart
