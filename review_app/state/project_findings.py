"""The findings of a project review across its files, with the single review's filters,
grouping and pages; a change review's list shows the new findings unless asked for all."""

import reflex as rx

from review_app.exports import FileReview
from review_app.review.fingerprints import Located
from review_app.state.finding_rows import FindingRow
from review_app.state.findings_table import FindingsTable


def thread_key(path: str, fingerprint: str) -> str:
    """What names a finding's conversation on the page: its file and its fingerprint."""
    return f"{path}#{fingerprint}"


def rows_of(files: list[FileReview]) -> list[FindingRow]:
    """Every finding of `files` but those in the baseline, each with its file, its decision and
    (in a change review) new or unchanged; a row's index is the finding's place in its file's
    review, as the file's own review has it."""
    rows = []
    for file in files:
        located = Located.all_in(file.result.findings, file.code)
        for index, finding in enumerate(file.result.findings):
            if index in file.in_baseline:
                continue
            row = FindingRow.of(index, finding, file.path)
            row.review_id = str(file.review_id or "")
            row.thread_key = thread_key(file.path, located[index].fingerprint())
            if file.baseline is not None:
                row.change = "new" if index in file.baseline.new else "unchanged"
            if (decided := file.decided.get(index)) is not None:
                row.decision, row.decision_id = decided.label, decided.id or 0
                by = f" ({decided.by})" if decided.by else ""
                row.decision_note = decided.comment + by
            rows.append(row)
    return rows


class ProjectFindingsState(FindingsTable, rx.State):
    """The open project review's findings across files."""

    _shown_review: str = ""

    def _show(self, files: list[FileReview], project_review_id: str) -> None:
        """List the findings of a completed project review (a change review: new ones first)."""
        if self._shown_review != project_review_id:
            self._reset_table()
            self.change_review = any(file.baseline for file in files)
            self.show_unchanged = not self.change_review
        self._shown_review = project_review_id
        self._findings = rows_of(files)

    def _clear(self) -> None:
        self._shown_review = ""
        self._findings = []

    def _fixed_in_editor(self, path: str, fix: str) -> None:
        """The workspace applied the fix `fix` (a diff) to file `path`: its finding leaves."""
        self._findings = [
            row for row in self._findings if not (row.path == path and row.fix == fix)
        ]
