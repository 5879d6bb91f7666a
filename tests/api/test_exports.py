"""`GET /api/reviews/{id}/export`: a finished review downloaded as SARIF, Markdown or JSON."""

import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markdown_it import MarkdownIt

from review_app.services.reviews import runs as review_runs
from support.sarif import sarif_errors
from tests.api.conftest import bearer

DEFECTS = (
    Path(__file__).resolve().parents[1] / "fixtures" / "review" / "python_defects.py"
).read_text(encoding="utf-8")


@pytest.fixture
def ada(api: TestClient, make_user, sign_in) -> dict:
    """Ada's Authorization header."""
    make_user("ada@example.com")
    return bearer(sign_in("ada@example.com")["access_token"])


def _submitted(api: TestClient, headers: dict, filename: str = "shop/orders.py") -> str:
    body = {"language": "python", "code": DEFECTS, "filename": filename}
    response = api.post("/api/reviews", json=body, headers=headers)
    assert response.status_code == 202, response.text
    return response.json()["id"]


def _completed(api: TestClient, headers: dict, filename: str = "shop/orders.py") -> str:
    """A review run to the end as the worker would run it."""
    review_id = _submitted(api, headers, filename)
    attempt = review_runs.start_attempt(uuid.UUID(review_id))
    assert attempt is not None
    assert review_runs.run_attempt(attempt)
    return review_id


def test_a_completed_review_downloads_in_every_format(api: TestClient, ada: dict) -> None:
    review_id = _completed(api, ada)
    short = uuid.UUID(review_id).hex[:8]

    sarif = api.get(f"/api/reviews/{review_id}/export?format=sarif", headers=ada)
    assert sarif.status_code == 200
    assert sarif.headers["content-type"] == "application/sarif+json"
    disposition = f'attachment; filename="orders.py-review-{short}.sarif"'
    assert sarif.headers["content-disposition"] == disposition
    log = sarif.json()
    assert sarif_errors(log) == []
    results = log["runs"][0]["results"]
    assert {result["ruleId"] for result in results} >= {"python-sql-injection", "B006"}
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"shop/orders.py"}

    markdown = api.get(f"/api/reviews/{review_id}/export?format=markdown", headers=ada)
    assert markdown.headers["content-type"] == "text/markdown; charset=utf-8"
    assert markdown.headers["content-disposition"].endswith(f'-review-{short}.md"')
    assert markdown.text.startswith("## review_app review: ")
    assert "### `shop/orders.py`" in markdown.text
    assert "| **high** | 8:31 | `python-sql-injection` |" in markdown.text

    as_json = api.get(f"/api/reviews/{review_id}/export", headers=ada)
    assert as_json.headers["content-type"] == "application/json"
    (file,) = as_json.json()["files"]
    assert (file["path"], file["review_id"]) == ("shop/orders.py", review_id)
    assert (
        file["findings"]
        == api.get(f"/api/reviews/{review_id}", headers=ada).json()["result"]["findings"]
    )


def test_no_one_exports_another_users_review(
    api: TestClient, ada: dict, make_user, sign_in
) -> None:
    review_id = _completed(api, ada)
    make_user("eve@example.com")
    eve = bearer(sign_in("eve@example.com")["access_token"])
    for path in (f"/api/reviews/{review_id}/export", f"/api/reviews/{uuid.uuid4()}/export"):
        response = api.get(f"{path}?format=sarif", headers=eve)
        assert response.status_code == 404
        assert response.json() == {"detail": "No review with this id."}
    assert api.get(f"/api/reviews/{review_id}/export").status_code == 401


def test_unfinished_failed_and_unknown_formats_are_refused_with_a_reason(
    api: TestClient, ada: dict
) -> None:
    review_id = _submitted(api, ada, filename="")
    export = f"/api/reviews/{review_id}/export"
    response = api.get(f"{export}?format=markdown", headers=ada)
    assert response.status_code == 409
    assert "not finished yet (pending, 0%)" in response.json()["detail"]

    review_runs.fail_review(uuid.UUID(review_id), "The analyzers crashed.")
    response = api.get(f"{export}?format=markdown", headers=ada)
    assert response.status_code == 409
    assert response.json()["detail"] == (
        "The review failed, so there is nothing to export: The analyzers crashed."
    )

    response = api.get(f"{export}?format=pdf", headers=ada)
    assert response.status_code == 422
    assert "'json', 'sarif' or 'markdown'" in response.text


def test_a_hostile_file_name_stays_text_in_the_markdown(api: TestClient, ada: dict) -> None:
    """A name opening a code span it never closes once let raw HTML into the document."""
    review_id = _completed(api, ada, "`<img src=x onerror=alert(1)>.py")
    markdown = api.get(f"/api/reviews/{review_id}/export?format=markdown", headers=ada).text
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "<img" not in rendered
    assert rendered.count("<code>`&lt;img src=x onerror=alert(1)&gt;.py</code>") == 2
