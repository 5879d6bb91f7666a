"""Telling the same finding apart across two versions of a file, wherever its line moved.

A finding is known by its rule (or title, for rule-less LLM findings), its category, its message
and the text of its line (blanks collapsed), never by the line number. Two versions are matched
one to one, by the most specific key first, as SonarQube tracks issues: same rule, message and
line text; then same rule and line text (the message changed); then same rule and message (the
line was edited); then the rule alone.
"""

import hashlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from review_app.review.models import Finding
from review_app.review.source_text import split_lines


@dataclass(frozen=True)
class Located:
    """A finding with the text of its line in the code it was found in."""

    finding: Finding
    line_text: str

    @classmethod
    def all_in(cls, findings: Sequence[Finding], code: str) -> list["Located"]:
        """Each finding with its line's text (blanks collapsed; "" past the end)."""
        lines = split_lines(code)
        return [
            cls(
                finding,
                " ".join(lines[finding.line - 1].split()) if finding.line <= len(lines) else "",
            )
            for finding in findings
        ]

    @property
    def identity(self) -> tuple[str, str]:
        return (self.finding.rule or self.finding.title, self.finding.category)

    def fingerprint(self) -> str:
        """A stable id of the finding that survives moved lines (for exports and decisions)."""
        rule, category = self.identity
        text = "\n".join((rule, category, self.finding.title, self.line_text))
        return hashlib.sha256(text.encode()).hexdigest()[:32]


_KEYS: tuple[Callable[[Located], tuple], ...] = (
    lambda item: (item.identity, item.finding.title, item.line_text),
    lambda item: (item.identity, item.line_text),
    lambda item: (item.identity, item.finding.title),
    lambda item: item.identity,
)


@dataclass(frozen=True)
class Matching:
    """How the findings of two versions correspond."""

    gone: list[Located]  # in the old version only: fixed
    added: list[Located]  # in the new version only: new
    kept: list[tuple[Located, Located]]  # (old, new) pairs: unchanged


def match(old: Sequence[Located], new: Sequence[Located]) -> Matching:
    """Pair the findings of two versions one to one, most specific key first."""
    old_left, new_left = list(old), list(new)
    kept: list[tuple[Located, Located]] = []
    for key in _KEYS:
        waiting: dict[tuple, list[Located]] = defaultdict(list)
        for item in old_left:
            waiting[key(item)].append(item)
        unmatched_new = []
        for item in new_left:
            candidates = waiting.get(key(item))
            if candidates:
                kept.append((candidates.pop(0), item))
            else:
                unmatched_new.append(item)
        old_left = [item for items in waiting.values() for item in items]
        new_left = unmatched_new
    order = {id(item): position for position, item in enumerate(old)}
    return Matching(
        gone=sorted(old_left, key=lambda item: order[id(item)]), added=new_left, kept=kept
    )
