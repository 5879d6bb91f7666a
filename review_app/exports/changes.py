"""A changed file as an export shows it: its findings marked new or unchanged, and the fixed."""

from review_app.exports.documents import Baseline, FileReview
from review_app.review.change_summary import FileVersion, changed_file_findings


def change_file_review(
    path: str, old: FileVersion | None, new: FileVersion | None
) -> FileReview | None:
    """The file in a change review's export; a deleted one keeps its path and lists only what
    it fixed. None when the version to show has no result (its review failed)."""
    changed = changed_file_findings(path, old, new)
    shown = new if new is not None else old
    if shown is None or shown.result is None:
        return None
    result = shown.result if new is not None else shown.result.model_copy(update={"findings": []})
    new_ones = {id(finding) for finding in changed.new}
    baseline = Baseline(
        new={index for index, finding in enumerate(result.findings) if id(finding) in new_ones},
        fixed=changed.fixed,
        base_code=old.code if old is not None else "",
    )
    return FileReview(
        path=path, code=shown.code, result=result, review_id=shown.review_id, baseline=baseline
    )
