"""How the open review's findings are listed: filters, text search, grouping by rule, pages.

A large file can have thousands of findings; the table shows one page of them at a time, and
the rule groups say at a glance which few rules make up most of them.
"""

import dataclasses
from collections import defaultdict

import reflex as rx

from review_app.review.analyzers.registry import ANALYZERS
from review_app.review.models import LLM_SOURCE, Category, Severity
from review_app.state.finding_rows import FindingRow

ALL = "all"
PAGE_SIZE = 50
SEVERITY_ORDER = [severity.value for severity in Severity]
SEVERITY_OPTIONS = [ALL, *SEVERITY_ORDER]
CATEGORY_OPTIONS = [ALL, *(category.value for category in Category)]
SOURCE_OPTIONS = [ALL, *(analyzer.name for analyzer in ANALYZERS), LLM_SOURCE]
SORT_KEYS = ["severity", "line", "category", "source", "rule"]
PROJECT_SORT_KEYS = ["severity", "file", "category", "source", "rule"]


@dataclasses.dataclass
class RuleGroup:
    """The findings of one rule: how many, the worst severity, the first line."""

    rule: str  # the rule id, or the title of rule-less (LLM) findings
    title: str
    severity: str
    count: int
    first_line: int
    first_path: str  # the file of the first finding, "" in a single file's review


def _severity_rank(severity: str) -> int:
    return SEVERITY_ORDER.index(severity) if severity in SEVERITY_ORDER else len(SEVERITY_ORDER)


def _rule_of(row: FindingRow) -> str:
    return row.rule or row.title


class FindingsTable(rx.State, mixin=True):
    """The open review's findings, and the table's filters, search, grouping and page."""

    _findings: list[FindingRow] = []  # on the server only: the browser gets a page at a time
    severity_filter: str = ALL
    category_filter: str = ALL
    source_filter: str = ALL
    rule_filter: str = ""  # "" is every rule
    search: str = ""
    sort_key: str = "severity"
    grouped: bool = False
    page: int = 0
    change_review: bool = False  # the findings are a change review's: new or unchanged
    show_unchanged: bool = True  # a change review's findings the change did not bring

    @rx.var
    def matching_findings(self) -> list[FindingRow]:
        """The findings that pass the filters and the search, in the chosen order."""
        needle = self.search.strip().lower()
        rows = [
            row
            for row in self._findings
            if self.severity_filter in (ALL, row.severity)
            and self.category_filter in (ALL, row.category)
            and (self.source_filter == ALL or self.source_filter in row.sources.split(", "))
            and self.rule_filter in ("", _rule_of(row))
            and (self.show_unchanged or row.change != "unchanged")
            and (
                not needle or needle in f"{row.title}\n{row.detail}\n{row.rule}\n{row.path}".lower()
            )
        ]
        return sorted(rows, key=self._sort_key_of)

    @rx.var
    def page_count(self) -> int:
        """How many pages the matching findings fill (at least one)."""
        return max(1, -(-len(self.matching_findings) // PAGE_SIZE))

    @rx.var
    def visible_findings(self) -> list[FindingRow]:
        """The current page of matching findings."""
        start = min(self.page, self.page_count - 1) * PAGE_SIZE
        return self.matching_findings[start : start + PAGE_SIZE]

    @rx.var
    def page_label(self) -> str:
        """Which findings the page shows, e.g. "51-100 of 2,949"."""
        total = len(self.matching_findings)
        if total == 0:
            return "No findings match."
        start = min(self.page, self.page_count - 1) * PAGE_SIZE
        return f"{start + 1:,}-{min(start + PAGE_SIZE, total):,} of {total:,}"

    @rx.var
    def rule_groups(self) -> list[RuleGroup]:
        """The matching findings by rule, the biggest groups (then the worst) first."""
        by_rule: dict[str, list[FindingRow]] = defaultdict(list)
        for row in self.matching_findings:
            by_rule[_rule_of(row)].append(row)
        groups = []
        for rule, rows in by_rule.items():
            first = min(rows, key=lambda row: (row.path, row.line))
            groups.append(
                RuleGroup(
                    rule=rule,
                    title=rows[0].title if len({row.title for row in rows}) == 1 else rows[0].rule,
                    severity=min((row.severity for row in rows), key=_severity_rank),
                    count=len(rows),
                    first_line=first.line,
                    first_path=first.path,
                )
            )
        return sorted(groups, key=lambda group: (-group.count, _severity_rank(group.severity)))

    @rx.event
    def set_severity_filter(self, value: str) -> None:
        """Show only findings of one severity (or all)."""
        self.severity_filter = value if value in SEVERITY_OPTIONS else ALL
        self.page = 0

    @rx.event
    def set_category_filter(self, value: str) -> None:
        """Show only findings of one category (or all)."""
        self.category_filter = value if value in CATEGORY_OPTIONS else ALL
        self.page = 0

    @rx.event
    def set_source_filter(self, value: str) -> None:
        """Show only findings from one tool (or all)."""
        self.source_filter = value if value in SOURCE_OPTIONS else ALL
        self.page = 0

    @rx.event
    def set_show_unchanged(self, shown: bool) -> None:
        """In a change review, list the findings the change did not bring too, or only new ones."""
        self.show_unchanged = bool(shown)
        self.page = 0

    @rx.event
    def set_search(self, text: str) -> None:
        """Show only findings whose title, detail, rule or file holds `text` (any case)."""
        self.search = text[:200]
        self.page = 0

    @rx.event
    def set_sort_key(self, value: str) -> None:
        """Order the findings by severity, line, category, source or rule."""
        self.sort_key = value if value in {*SORT_KEYS, *PROJECT_SORT_KEYS} else "severity"

    @rx.event
    def set_grouped(self, grouped: bool) -> None:
        """List rules with their counts instead of single findings, or back."""
        self.grouped = bool(grouped)

    @rx.event
    def show_rule(self, rule: str) -> None:
        """Open one rule's group: its findings only."""
        self.rule_filter, self.grouped, self.page = rule, False, 0

    @rx.event
    def show_every_rule(self) -> None:
        """Drop the rule filter."""
        self.rule_filter, self.page = "", 0

    @rx.event
    def turn_page(self, step: int) -> None:
        """Go `step` pages forward (or back), staying within the pages there are."""
        self.page = max(0, min(self.page_count - 1, self.page + step))

    def _reset_table(self) -> None:
        """Another review opened: its first page, every rule, no search."""
        self.rule_filter, self.search, self.page, self.grouped = "", "", 0, False

    def _sort_key_of(self, row: FindingRow) -> tuple:
        severity = _severity_rank(row.severity)
        keys = {
            "severity": (severity, row.line),
            "line": (row.line, severity),
            "file": (row.path, row.line, severity),
            "category": (row.category, severity, row.line),
            "source": (row.sources, severity, row.line),
            "rule": (_rule_of(row), row.line),
        }
        return keys.get(self.sort_key, keys["severity"])
