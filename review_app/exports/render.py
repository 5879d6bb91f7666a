"""One document of the chosen format for the reviews of one or many files."""

import json
from collections.abc import Sequence

from review_app.exports.documents import TOOL_NAME, ExportFormat, FileReview, tool_version
from review_app.exports.markdown import to_markdown
from review_app.exports.sarif import to_sarif


def to_json(files: Sequence[FileReview]) -> dict:
    """Every file's path, review id and full result."""
    return {
        "tool": {"name": TOOL_NAME, "version": tool_version()},
        "files": [
            {
                "path": file.path,
                "review_id": str(file.review_id) if file.review_id else None,
                **file.result.model_dump(mode="json"),
                **_change(file),
                **_decisions(file),
            }
            for file in files
        ],
    }


def _change(file: FileReview) -> dict:
    """In a change review: which findings are new (indexes) and those the change fixed."""
    if file.baseline is None:
        return {}
    fixed = [finding.model_dump(mode="json") for finding in file.baseline.fixed]
    return {"change": {"new": sorted(file.baseline.new), "fixed": fixed}}


def _decisions(file: FileReview) -> dict:
    """The team's decisions, by the index of the finding they are on, and the indexes of the
    findings the project's baseline hides."""
    triage: dict = {}
    if file.decided:
        triage["decisions"] = {
            str(index): decided.model_dump(exclude={"id"})
            for index, decided in sorted(file.decided.items())
        }
    if file.in_baseline:
        triage["in_baseline"] = sorted(file.in_baseline)
    return triage


def render_export(files: Sequence[FileReview], export_format: ExportFormat) -> str:
    """The document holding the reviews of `files`, as text."""
    if export_format is ExportFormat.MARKDOWN:
        return to_markdown(files)
    document = to_sarif(files) if export_format is ExportFormat.SARIF else to_json(files)
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
